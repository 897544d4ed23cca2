using System;

namespace StaticKeras.Activations;

/// <summary>
/// Keras 3's <c>hard_sigmoid</c>: <c>relu6(x + 3) / 6</c> (Keras 2's was <c>clip(0.2·x + 0.5)</c>).
/// </summary>
[KerasActivation("hard_sigmoid")]
public readonly struct HardSigmoid : IActivation
{
    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = Math.Clamp(x[i] + 3f, 0f, 6f) / 6f;
        }
    }

    /// <inheritdoc/>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength)
    {
        for (int i = 0; i < dy.Length; i++)
        {
            dx[i] = y[i] > 0f && y[i] < 1f ? dy[i] / 6f : 0f;
        }
    }
}

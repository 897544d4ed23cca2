using System;

namespace StaticKeras.Activations;

/// <summary>Keras's <c>hard_silu</c> (also <c>hard_swish</c>): <c>x · relu6(x + 3) / 6</c>.</summary>
[KerasActivation("hard_silu", Aliases = ["hard_swish"], Derivative = ActivationDerivative.FromInput)]
public readonly struct HardSilu : IActivation
{
    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength)
    {
        for (int i = 0; i < x.Length; i++)
        {
            float v = x[i];
            y[i] = v * Math.Clamp(v + 3f, 0f, 6f) / 6f;
        }
    }

    /// <inheritdoc/>
    /// <remarks>0 below −3, 1 above 3, and <c>(2x + 3) / 6</c> between.</remarks>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength)
    {
        for (int i = 0; i < dy.Length; i++)
        {
            float v = x[i];
            dx[i] = dy[i] * (v <= -3f ? 0f : v >= 3f ? 1f : ((2f * v) + 3f) / 6f);
        }
    }
}

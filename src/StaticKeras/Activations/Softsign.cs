using System;

namespace StaticKeras.Activations;

/// <summary>Keras's <c>softsign</c>: <c>x / (|x| + 1)</c>.</summary>
[KerasActivation("softsign")]
public readonly struct Softsign : IActivation
{
    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = x[i] / (MathF.Abs(x[i]) + 1f);
        }
    }

    /// <inheritdoc/>
    /// <remarks>From the output: <c>1 / (1 + |x|)² = (1 − |y|)²</c>.</remarks>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength)
    {
        for (int i = 0; i < dy.Length; i++)
        {
            float d = 1f - MathF.Abs(y[i]);
            dx[i] = dy[i] * d * d;
        }
    }
}

using System;

namespace StaticKeras.Activations;

/// <summary>Keras's <c>silu</c> (also <c>swish</c>): <c>x · sigmoid(x)</c>; its derivative needs the input.</summary>
[KerasActivation("silu", Aliases = ["swish"], Derivative = ActivationDerivative.FromInput)]
public readonly struct Silu : IActivation
{
    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength)
    {
        for (int i = 0; i < x.Length; i++)
        {
            float v = x[i];
            y[i] = v / (1f + MathF.Exp(-v));
        }
    }

    /// <inheritdoc/>
    /// <remarks>Effectively computes <c>dx = dy · s·(1 + x·(1 − s))</c> with <c>s = sigmoid(x)</c>.</remarks>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength)
    {
        for (int i = 0; i < dy.Length; i++)
        {
            float v = x[i];
            float s = 1f / (1f + MathF.Exp(-v));
            dx[i] = dy[i] * s * (1f + (v * (1f - s)));
        }
    }
}

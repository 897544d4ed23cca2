using System;

namespace StaticKeras.Activations;

/// <summary>Keras's <c>mish</c>: <c>x · tanh(softplus(x))</c>; its derivative needs the input.</summary>
[KerasActivation("mish", Derivative = ActivationDerivative.FromInput)]
public readonly struct Mish : IActivation
{
    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            y[i] = (float)(v * Math.Tanh(Softplus.Of(v)));
        }
    }

    /// <inheritdoc/>
    /// <remarks>Effectively computes <c>dx = dy · (t + x·(1 − t²)·sigmoid(x))</c> with <c>t = tanh(softplus(x))</c>.</remarks>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength)
    {
        for (int i = 0; i < dy.Length; i++)
        {
            double v = x[i];
            double t = Math.Tanh(Softplus.Of(v));
            double s = 1.0 / (1.0 + Math.Exp(-v));
            dx[i] = (float)(dy[i] * (t + (v * (1.0 - (t * t)) * s)));
        }
    }
}

using System;

namespace StaticKeras.Activations;

/// <summary>
/// Keras's <c>gelu(x, approximate=True)</c>:
/// <c>0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))</c>. Keras has no string for it; its saved configs
/// call it <c>gelu</c> with <c>approximate</c>, here it is the name <c>approximate_gelu</c>.
/// </summary>
[KerasActivation("approximate_gelu", Derivative = ActivationDerivative.FromInput)]
public readonly struct GeluApproximate : IActivation
{
    private const double Sqrt2OverPi = 0.79788456080286536;
    private const double Cubic = 0.044715;

    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            y[i] = (float)(0.5 * v * (1.0 + Math.Tanh(Sqrt2OverPi * (v + (Cubic * v * v * v)))));
        }
    }

    /// <inheritdoc/>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength)
    {
        for (int i = 0; i < dy.Length; i++)
        {
            double v = x[i];
            double t = Math.Tanh(Sqrt2OverPi * (v + (Cubic * v * v * v)));
            double dt = (1.0 - (t * t)) * Sqrt2OverPi * (1.0 + (3.0 * Cubic * v * v));
            dx[i] = (float)(dy[i] * ((0.5 * (1.0 + t)) + (0.5 * v * dt)));
        }
    }
}

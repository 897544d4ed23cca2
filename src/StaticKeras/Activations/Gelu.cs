using System;

namespace StaticKeras.Activations;

/// <summary>
/// Keras's <c>gelu</c> as the string <c>"gelu"</c> means it (<c>approximate=False</c>):
/// <c>0.5·x·(1 + erf(x/√2))</c>. Its derivative needs the input: <c>Φ(x) + x·φ(x)</c>.
/// </summary>
[KerasActivation("gelu", Derivative = ActivationDerivative.FromInput)]
public readonly struct Gelu : IActivation
{
    private const double InverseSqrt2 = 0.70710678118654752;
    private const double InverseSqrt2Pi = 0.39894228040143268;

    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            y[i] = (float)(0.5 * v * (1.0 + Erf.Of(v * InverseSqrt2)));
        }
    }

    /// <inheritdoc/>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength)
    {
        for (int i = 0; i < dy.Length; i++)
        {
            double v = x[i];
            double cdf = 0.5 * (1.0 + Erf.Of(v * InverseSqrt2));
            double pdf = InverseSqrt2Pi * Math.Exp(-0.5 * v * v);
            dx[i] = (float)(dy[i] * (cdf + (v * pdf)));
        }
    }
}

using System;

namespace StaticKeras.Activations;

/// <summary>Keras's <c>softplus</c>: <c>log(1 + exp(x))</c>, computed without overflow.</summary>
[KerasActivation("softplus")]
public readonly struct Softplus : IActivation
{
    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = (float)Of(x[i]);
        }
    }

    /// <inheritdoc/>
    /// <remarks>From the output: <c>dy/dx = sigmoid(x) = 1 − exp(−y)</c>.</remarks>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength)
    {
        for (int i = 0; i < dy.Length; i++)
        {
            dx[i] = dy[i] * (float)-double.ExpM1(-y[i]);
        }
    }

    /// <summary><c>max(x, 0) + log1p(exp(−|x|))</c>: exact for large |x| in either direction.</summary>
    internal static double Of(double x) => Math.Max(x, 0) + Math.Log(1.0 + Math.Exp(-Math.Abs(x)));
}

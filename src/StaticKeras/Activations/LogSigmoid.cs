using System;

namespace StaticKeras.Activations;

/// <summary>Keras's <c>log_sigmoid</c>: <c>log(sigmoid(x)) = −softplus(−x)</c>, computed without overflow.</summary>
[KerasActivation("log_sigmoid")]
public readonly struct LogSigmoid : IActivation
{
    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = (float)-Softplus.Of(-x[i]);
        }
    }

    /// <inheritdoc/>
    /// <remarks>From the output: <c>dy/dx = sigmoid(−x) = 1 − exp(y)</c>.</remarks>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength)
    {
        for (int i = 0; i < dy.Length; i++)
        {
            dx[i] = dy[i] * (float)-double.ExpM1(y[i]);
        }
    }
}

using System;
using System.Numerics.Tensors;

namespace StaticKeras.Activations;

/// <summary>Keras's <c>tanh</c>.</summary>
[KerasActivation("tanh")]
public readonly struct Tanh : IActivation
{
    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength) => TensorPrimitives.Tanh(x, y);

    /// <inheritdoc/>
    /// <remarks>Effectively computes <c>dx = dy · (1 − y²)</c>.</remarks>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength)
    {
        for (int i = 0; i < dy.Length; i++)
        {
            float v = y[i];
            dx[i] = dy[i] * (1f - (v * v));
        }
    }
}

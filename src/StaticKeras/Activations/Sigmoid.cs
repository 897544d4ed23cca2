using System;
using System.Numerics.Tensors;

namespace StaticKeras.Activations;

/// <summary>Keras's <c>sigmoid</c>: <c>1 / (1 + exp(−x))</c>; binary cross-entropy fuses with it.</summary>
[KerasActivation("sigmoid", LossFusion = LossFusion.Sigmoid)]
public readonly struct Sigmoid : IActivation
{
    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength) => TensorPrimitives.Sigmoid(x, y);

    /// <inheritdoc/>
    /// <remarks>Effectively computes <c>dx = dy · y · (1 − y)</c>.</remarks>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength)
    {
        for (int i = 0; i < dy.Length; i++)
        {
            float v = y[i];
            dx[i] = dy[i] * v * (1f - v);
        }
    }
}

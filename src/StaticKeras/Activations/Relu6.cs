using System;
using System.Numerics.Tensors;

namespace StaticKeras.Activations;

/// <summary>Keras's <c>relu6</c>: <c>min(max(x, 0), 6)</c>.</summary>
[KerasActivation("relu6")]
public readonly struct Relu6 : IActivation
{
    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength) => TensorPrimitives.Clamp(x, 0f, 6f, y);

    /// <inheritdoc/>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength)
    {
        for (int i = 0; i < dy.Length; i++)
        {
            dx[i] = y[i] > 0f && y[i] < 6f ? dy[i] : 0f;
        }
    }
}

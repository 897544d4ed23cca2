using System;
using System.Numerics.Tensors;

namespace StaticKeras.Activations;

/// <summary>Keras's <c>hard_tanh</c>: <c>clip(x, −1, 1)</c>.</summary>
[KerasActivation("hard_tanh")]
public readonly struct HardTanh : IActivation
{
    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength) => TensorPrimitives.Clamp(x, -1f, 1f, y);

    /// <inheritdoc/>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength)
    {
        for (int i = 0; i < dy.Length; i++)
        {
            dx[i] = y[i] > -1f && y[i] < 1f ? dy[i] : 0f;
        }
    }
}

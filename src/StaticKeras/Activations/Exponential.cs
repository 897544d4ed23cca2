using System;
using System.Numerics.Tensors;

namespace StaticKeras.Activations;

/// <summary>Keras's <c>exponential</c>: <c>exp(x)</c>, its own derivative.</summary>
[KerasActivation("exponential")]
public readonly struct Exponential : IActivation
{
    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength) => TensorPrimitives.Exp(x, y);

    /// <inheritdoc/>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength) =>
        TensorPrimitives.Multiply(dy, y, dx);
}

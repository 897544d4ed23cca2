using System.Collections.Generic;

namespace StaticKeras.Onnx;

/// <summary>
/// The settings of a Keras pooling layer (keras/src/layers/pooling/base_pooling.py), with Keras's
/// names and defaults.
/// </summary>
/// <param name="InputSpatial">The input's spatial dimensions (channels-last, without batch and channels).</param>
/// <param name="PoolSize">Keras's <c>pool_size</c>, one entry per spatial dimension.</param>
public sealed record OnnxPooling(IReadOnlyList<int> InputSpatial, IReadOnlyList<int> PoolSize)
{
    /// <summary>Keras's <c>strides</c>; the pool size when null, as in Keras.</summary>
    public IReadOnlyList<int>? Strides { get; init; }

    /// <summary>Keras's <c>padding</c>: <c>valid</c> or <c>same</c>.</summary>
    public string Padding { get; init; } = "valid";

    /// <summary>The number of spatial dimensions.</summary>
    public int Rank => PoolSize.Count;

    internal int Stride(int axis) => Strides?[axis] ?? PoolSize[axis];
}

using System;
using System.Collections.Generic;

namespace StaticKeras.Onnx;

/// <summary>
/// The settings of a Keras convolution (Conv1D/2D/3D and their transposes), with Keras's names
/// and defaults (keras/src/layers/convolutional/base_conv.py): the spatial sizes of the input
/// are needed because <c>'same'</c> padding depends on them.
/// </summary>
/// <param name="InputSpatial">The input's spatial dimensions (channels-last, without batch and channels).</param>
/// <param name="InputChannels">The input's channels.</param>
/// <param name="Filters">Keras's <c>filters</c>: the output channels.</param>
/// <param name="KernelSize">Keras's <c>kernel_size</c>, one entry per spatial dimension.</param>
public sealed record OnnxConvolution(IReadOnlyList<int> InputSpatial, int InputChannels, int Filters, IReadOnlyList<int> KernelSize)
{
    /// <summary>Keras's <c>strides</c>; ones when null.</summary>
    public IReadOnlyList<int>? Strides { get; init; }

    /// <summary>Keras's <c>dilation_rate</c>; ones when null.</summary>
    public IReadOnlyList<int>? DilationRate { get; init; }

    /// <summary>Keras's <c>padding</c>: <c>valid</c>, <c>same</c>, or (Conv1D) <c>causal</c>.</summary>
    public string Padding { get; init; } = "valid";

    /// <summary>Keras's <c>groups</c> (Conv only): input and output channels split into this many independent groups.</summary>
    public int Groups { get; init; } = 1;

    /// <summary>Keras's <c>output_padding</c> (transposed convolutions only); null lets the padding decide, as in Keras.</summary>
    public IReadOnlyList<int>? OutputPadding { get; init; }

    /// <summary>The number of spatial dimensions.</summary>
    public int Rank => KernelSize.Count;

    internal int Stride(int axis) => Strides?[axis] ?? 1;

    internal int Dilation(int axis) => DilationRate?[axis] ?? 1;

    internal void Check(string layer)
    {
        if (InputSpatial.Count != Rank || (Strides?.Count ?? Rank) != Rank || (DilationRate?.Count ?? Rank) != Rank)
        {
            throw new ArgumentException($"Convolution '{layer}' has {Rank} kernel dimensions, {InputSpatial.Count} input dimensions, {Strides?.Count ?? Rank} strides and {DilationRate?.Count ?? Rank} dilation rates; they must all be the same count.");
        }

        if (Groups < 1 || InputChannels % Groups != 0 || Filters % Groups != 0)
        {
            throw new ArgumentException($"Convolution '{layer}' has groups={Groups}, which must divide both the {InputChannels} input channels and the {Filters} filters.");
        }
    }
}

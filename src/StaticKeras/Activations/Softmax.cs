using System;
using StaticKeras.Kernels;

namespace StaticKeras.Activations;

/// <summary>
/// Keras's <c>softmax</c> over the last axis, stable for any finite input (the row maximum is
/// subtracted first); the categorical cross-entropies fuse with it.
/// </summary>
[KerasActivation("softmax", LossFusion = LossFusion.Softmax)]
public readonly struct Softmax : IActivation
{
    /// <summary>False: each row is normalised as a whole.</summary>
    public static bool Elementwise => false;

    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength) =>
        SoftmaxKernel.Forward(x, y, x.Length / rowLength, rowLength, 1);

    /// <inheritdoc/>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength) =>
        SoftmaxKernel.Backward(y, dy, dx, dy.Length / rowLength, rowLength, 1);
}

using System;
using StaticKeras.Kernels;

namespace StaticKeras.Activations;

/// <summary>Keras's <c>log_softmax</c> over the last axis: <c>x − max − log Σ exp(x − max)</c>.</summary>
[KerasActivation("log_softmax")]
public readonly struct LogSoftmax : IActivation
{
    /// <summary>False: each row is normalised as a whole.</summary>
    public static bool Elementwise => false;

    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength) =>
        SoftmaxKernel.LogForward(x, y, x.Length / rowLength, rowLength, 1);

    /// <inheritdoc/>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength) =>
        SoftmaxKernel.LogBackward(y, dy, dx, dy.Length / rowLength, rowLength, 1);
}

using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's ZeroPadding2D (and ZeroPadding1D as a height of 1) on channels-last images: zeros
/// added before and after each spatial axis; the backward pass crops the gradient back.
/// </summary>
public static class ZeroPaddingKernel
{
    /// <summary><c>y = pad(x)</c>, <c>(batch, height + top + bottom, width + left + right, channels)</c>.</summary>
    /// <param name="batch">Samples.</param>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="channels">Channels.</param>
    /// <param name="padding">Zeros before and after each axis.</param>
    /// <param name="x">Input.</param>
    /// <param name="y">Output.</param>
    public static void Forward(int batch, int height, int width, int channels, SpatialMargins padding, ReadOnlySpan<float> x, Span<float> y) =>
        SpatialCopy.Pad(batch, height, width, channels, padding, x, y, accumulate: false, nameof(x), nameof(y));

    /// <summary><c>dx (+)= crop(dy)</c>: the gradient of the real positions.</summary>
    /// <param name="batch">Samples.</param>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="channels">Channels.</param>
    /// <param name="padding">Zeros before and after each axis.</param>
    /// <param name="dy">dL/dy.</param>
    /// <param name="dx">Receives dL/dx.</param>
    /// <param name="accumulate">Add to dx instead of overwriting it.</param>
    public static void Backward(int batch, int height, int width, int channels, SpatialMargins padding, ReadOnlySpan<float> dy, Span<float> dx, bool accumulate) =>
        SpatialCopy.Crop(batch, height, width, channels, padding, dy, dx, accumulate, nameof(dy), nameof(dx));
}

using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's Cropping2D (and Cropping1D as a height of 1) on channels-last images: rows and columns
/// removed before and after each spatial axis; the backward pass pads the gradient with zeros.
/// </summary>
public static class CroppingKernel
{
    /// <summary><c>y = crop(x)</c>, <c>(batch, height − top − bottom, width − left − right, channels)</c>.</summary>
    /// <param name="batch">Samples.</param>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="channels">Channels.</param>
    /// <param name="cropping">Rows and columns removed before and after each axis.</param>
    /// <param name="x">Input.</param>
    /// <param name="y">Output.</param>
    public static void Forward(int batch, int height, int width, int channels, SpatialMargins cropping, ReadOnlySpan<float> x, Span<float> y)
    {
        (int h, int w) = cropping.Shrink(height, width);
        SpatialCopy.Crop(batch, h, w, channels, cropping, x, y, accumulate: false, nameof(x), nameof(y));
    }

    /// <summary><c>dx (+)= pad(dy)</c>: zero gradient for the cropped positions.</summary>
    /// <param name="batch">Samples.</param>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="channels">Channels.</param>
    /// <param name="cropping">Rows and columns removed before and after each axis.</param>
    /// <param name="dy">dL/dy.</param>
    /// <param name="dx">Receives dL/dx.</param>
    /// <param name="accumulate">Add to dx instead of overwriting it.</param>
    public static void Backward(int batch, int height, int width, int channels, SpatialMargins cropping, ReadOnlySpan<float> dy, Span<float> dx, bool accumulate)
    {
        (int h, int w) = cropping.Shrink(height, width);
        SpatialCopy.Pad(batch, h, w, channels, cropping, dy, dx, accumulate, nameof(dy), nameof(dx));
    }
}

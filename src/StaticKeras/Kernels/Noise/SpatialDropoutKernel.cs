using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's SpatialDropout1D/2D, channels-last: Dropout with the noise shape
/// <c>(batch, 1, [1,] channels)</c> (keras/src/layers/regularization/spatial_dropout.py), so a
/// channel is kept or dropped for a whole sample. The mask (<c>batch × channels</c>: 0 or
/// <c>1 / (1 − rate)</c>, drawn as <see cref="DropoutKernel"/> draws) is kept for the backward pass.
/// At inference the layer is the identity.
/// </summary>
public static class SpatialDropoutKernel
{
    /// <summary>Draws a mask per (sample, channel) and writes <c>y = x · mask</c> at every position.</summary>
    /// <param name="x">Input, <c>(batch, positions, channels)</c> (positions: steps, or rows × columns).</param>
    /// <param name="y">Output, x's shape.</param>
    /// <param name="mask">Receives the mask, <c>(batch, channels)</c>.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="positions">Spatial positions per sample.</param>
    /// <param name="channels">Channels.</param>
    /// <param name="rate">Keras's <c>rate</c>, the fraction dropped.</param>
    /// <param name="random">The layer's seeded stream.</param>
    public static void ForwardTraining(ReadOnlySpan<float> x, Span<float> y, Span<float> mask, int batch, int positions, int channels, double rate, SeededRandom random)
    {
        Check(x, y, mask, batch, positions, channels);
        DropoutKernel.DrawMask(mask.Slice(0, batch * channels), rate, random);

        Broadcast(x, mask, y, batch, positions, channels, accumulate: false);
    }

    /// <summary><c>dx (+)= dy · mask</c>, the mask broadcast over the positions.</summary>
    /// <param name="dy">dL/dy.</param>
    /// <param name="mask">The forward pass's mask.</param>
    /// <param name="dx">Receives dL/dx.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="positions">Spatial positions per sample.</param>
    /// <param name="channels">Channels.</param>
    /// <param name="accumulate">Add to dx instead of overwriting it.</param>
    public static void Backward(ReadOnlySpan<float> dy, ReadOnlySpan<float> mask, Span<float> dx, int batch, int positions, int channels, bool accumulate)
    {
        Check(dy, dx, mask, batch, positions, channels);
        Broadcast(dy, mask, dx, batch, positions, channels, accumulate);
    }

    private static void Broadcast(ReadOnlySpan<float> values, ReadOnlySpan<float> mask, Span<float> result, int batch, int positions, int channels, bool accumulate)
    {
        for (int b = 0; b < batch; b++)
        {
            ReadOnlySpan<float> m = mask.Slice(b * channels, channels);
            for (int p = 0; p < positions; p++)
            {
                int at = ((b * positions) + p) * channels;
                ElementwiseKernel.MultiplyBackward(values.Slice(at, channels), m, result.Slice(at, channels), accumulate);
            }
        }
    }

    private static void Check(ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> mask, int batch, int positions, int channels)
    {
        Conv2DKernel.CheckBatch(batch);
        long size = (long)batch * positions * channels;
        ThrowHelper.ThrowIfTooShort(input, size, "x (or dy)");
        ThrowHelper.ThrowIfTooShort(output, size, "y (or dx)");
        ThrowHelper.ThrowIfTooShort(mask, (long)batch * channels, nameof(mask));
    }
}

using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's <c>RandomFlip</c> (keras/src/layers/preprocessing/image_preprocessing/random_flip.py):
/// each image of a training batch flips when a uniform draw is ≤ ½, horizontally (columns
/// reversed), vertically (rows reversed) or both, one draw deciding for both as in Keras 3. A flip
/// is a permutation that is its own inverse, so the backward pass flips the gradient back.
/// </summary>
public static class RandomFlipKernel
{
    /// <summary>Draws a flip per image (1 or 0 into <paramref name="flips"/>) and writes the flipped batch.</summary>
    /// <param name="x">Images, <c>(batch, height, width, channels)</c>.</param>
    /// <param name="y">Output, as x.</param>
    /// <param name="flips">Receives one flag per image, kept for the backward pass.</param>
    /// <param name="horizontal">Whether a flip reverses the columns.</param>
    /// <param name="vertical">Whether a flip reverses the rows.</param>
    /// <param name="random">The layer's random stream.</param>
    /// <param name="batch">Images.</param>
    /// <param name="height">Rows.</param>
    /// <param name="width">Columns.</param>
    /// <param name="channels">Channels.</param>
    public static void ForwardTraining(ReadOnlySpan<float> x, Span<float> y, Span<float> flips, bool horizontal, bool vertical, SeededRandom random, int batch, int height, int width, int channels)
    {
        for (int b = 0; b < batch; b++)
        {
            flips[b] = random.NextSingle() <= 0.5f ? 1f : 0f;
        }

        Apply(x, y, flips, horizontal, vertical, batch, height, width, channels, accumulate: false);
    }

    /// <summary><c>dx (+)= flip(dy)</c> with each image's flag from the forward pass.</summary>
    public static void Backward(ReadOnlySpan<float> dy, Span<float> dx, ReadOnlySpan<float> flips, bool horizontal, bool vertical, int batch, int height, int width, int channels, bool accumulate) =>
        Apply(dy, dx, flips, horizontal, vertical, batch, height, width, channels, accumulate);

    private static void Apply(ReadOnlySpan<float> source, Span<float> target, ReadOnlySpan<float> flips, bool horizontal, bool vertical, int batch, int height, int width, int channels, bool accumulate)
    {
        int image = height * width * channels, rowLength = width * channels;
        for (int b = 0; b < batch; b++)
        {
            bool flip = flips[b] != 0;
            for (int row = 0; row < height; row++)
            {
                int sourceRow = flip && vertical ? height - 1 - row : row;
                ReadOnlySpan<float> from = source.Slice((b * image) + (sourceRow * rowLength), rowLength);
                Span<float> to = target.Slice((b * image) + (row * rowLength), rowLength);
                for (int column = 0; column < width; column++)
                {
                    int sourceColumn = flip && horizontal ? width - 1 - column : column;
                    ReadOnlySpan<float> pixel = from.Slice(sourceColumn * channels, channels);
                    Span<float> destination = to.Slice(column * channels, channels);
                    for (int c = 0; c < channels; c++)
                    {
                        destination[c] = accumulate ? destination[c] + pixel[c] : pixel[c];
                    }
                }
            }
        }
    }
}

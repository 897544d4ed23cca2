using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Moves a channels-last image into another of a different size at an offset: element
/// <c>to[b, h, w, c] = from[b, h − top, w − left, c]</c> where that lies inside <c>from</c>, zero
/// elsewhere (or, accumulating, added where inside and left alone elsewhere). Zero padding is a
/// positive offset, cropping a negative one; each is the other's backward pass. Rows are copied
/// as runs of <c>columns · channels</c> floats.
/// </summary>
internal static unsafe class SpatialCopy
{
    /// <summary>Checks and pads <c>(height, width)</c> images by <paramref name="m"/> (or, accumulating, adds them into the padded ones).</summary>
    public static void Pad(int batch, int height, int width, int channels, SpatialMargins m, ReadOnlySpan<float> inner, Span<float> outer, bool accumulate, string innerName, string outerName)
    {
        (int outHeight, int outWidth) = m.Grow(height, width);
        SpatialChecks.Check(batch, height, width, outHeight, outWidth, channels, inner, outer, innerName, outerName);
        fixed (float* from = inner, to = outer)
        {
            Run(from, height, width, to, outHeight, outWidth, channels, batch, m.Top, m.Left, accumulate);
        }
    }

    /// <summary>Checks and crops padded images back to <c>(height, width)</c> (or, accumulating, adds the crop).</summary>
    public static void Crop(int batch, int height, int width, int channels, SpatialMargins m, ReadOnlySpan<float> outer, Span<float> inner, bool accumulate, string outerName, string innerName)
    {
        (int outHeight, int outWidth) = m.Grow(height, width);
        SpatialChecks.Check(batch, height, width, outHeight, outWidth, channels, inner, outer, innerName, outerName);
        fixed (float* from = outer, to = inner)
        {
            Run(from, outHeight, outWidth, to, height, width, channels, batch, -m.Top, -m.Left, accumulate);
        }
    }

    /// <summary>Runs the move for <paramref name="batch"/> samples.</summary>
    public static void Run(float* from, int fromHeight, int fromWidth, float* to, int toHeight, int toWidth, int channels, int batch, int top, int left, bool accumulate)
    {
        int first = Math.Max(0, left), end = Math.Min(toWidth, left + fromWidth);
        int run = Math.Max(0, end - first) * channels;
        for (int b = 0; b < batch; b++)
        {
            for (int h = 0; h < toHeight; h++)
            {
                float* row = to + ((((nint)b * toHeight) + h) * toWidth * channels);
                int source = h - top;
                if (source < 0 || source >= fromHeight || run == 0)
                {
                    if (!accumulate)
                    {
                        new Span<float>(row, toWidth * channels).Clear();
                    }

                    continue;
                }

                float* sourceRow = from + ((((nint)b * fromHeight) + source) * fromWidth * channels) + ((first - left) * channels);
                if (accumulate)
                {
                    FloatRuns.Add(sourceRow, row + (first * channels), run);
                    continue;
                }

                new Span<float>(row, first * channels).Clear();
                new Span<float>(sourceRow, run).CopyTo(new Span<float>(row + (first * channels), run));
                new Span<float>(row + (first * channels) + run, (toWidth - end) * channels).Clear();
            }
        }
    }
}

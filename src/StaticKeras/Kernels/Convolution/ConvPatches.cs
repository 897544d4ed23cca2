using System;
using System.Runtime.CompilerServices;

namespace StaticKeras.Kernels;

/// <summary>
/// Moves convolution patches between the image and patch rows (see <see cref="PatchSource"/>):
/// gathered for the forward product (tile by tile straight into the GEMM's packing buffer, or
/// chunk by chunk into an im2col buffer) and for the kernel gradient, scattered back (added) for
/// the input gradient. One walk over a patch serves every direction.
/// </summary>
internal static unsafe class ConvPatches
{
    /// <summary>
    /// The GEMM's <see cref="GemmProblem.GatherA"/> for the forward product: rows
    /// <c>[row, row + rows)</c> of the im2col matrix, depth <c>[depthStart, depthStart + depth)</c>,
    /// row-major with a row stride of an odd number of cache lines.
    /// </summary>
    public static void GatherTile(in GemmProblem g, int row, int rows, int depthStart, int depth, float* destination, ref TileArgs t)
    {
        ref readonly PatchSource s = ref Unsafe.AsRef<PatchSource>(g.GatherContext);
        nint stride = GemmPacking.PaddedStride(depth);
        var cursor = new PixelCursor(s, row);
        bool whole = depthStart == 0 && depth == s.PatchLength;
        for (int r = 0; r < rows; r++)
        {
            if (whole)
            {
                WalkWhole<Copying>(s, cursor, destination + (r * stride));
            }
            else
            {
                Walk<Copying>(s, cursor, depthStart, depth, destination + (r * stride));
            }

            cursor.Advance(s);
        }

        t.ARow = stride;
        t.AStep = 1;
    }

    /// <summary>Writes the im2col rows of output pixels <c>[pixel, pixel + count)</c>, one patch each, to <paramref name="rows"/>.</summary>
    public static void Gather(in PatchSource s, int pixel, int count, float* rows)
    {
        var cursor = new PixelCursor(s, pixel);
        for (int r = 0; r < count; r++)
        {
            WalkWhole<Copying>(s, cursor, rows + ((nint)r * s.PatchLength));
            cursor.Advance(s);
        }
    }

    /// <summary>Adds patch rows of output pixels <c>[pixel, pixel + count)</c> back into the image (col2im), each element where it was read.</summary>
    public static void Scatter(in PatchSource s, int pixel, int count, float* rows)
    {
        var cursor = new PixelCursor(s, pixel);
        for (int r = 0; r < count; r++)
        {
            WalkWhole<Adding>(s, cursor, rows + ((nint)r * s.PatchLength));
            cursor.Advance(s);
        }
    }

    /// <summary>
    /// The transposed im2col of a one-channel image with unit stride across the width:
    /// <c>columns[k·stride + j] = patch(pixel + j)[k]</c>. Along an output row each tap reads
    /// adjacent image columns, so every (tap, output row) is one copied run instead of a float per tap.
    /// </summary>
    public static void GatherColumns(in PatchSource s, int pixel, int count, nint stride, float* columns)
    {
        var cursor = new PixelCursor(s, pixel);
        for (int j = 0; j < count;)
        {
            int run = Math.Min(count - j, s.OutputWidth - cursor.OutputColumn);
            float* to = columns + j;
            for (int kh = 0, row = cursor.Row; kh < s.KernelHeight; kh++, row += s.DilationHeight)
            {
                for (int kw = 0, column = cursor.Column; kw < s.KernelWidth; kw++, column += s.DilationWidth, to += stride)
                {
                    if ((uint)row >= (uint)s.Height)
                    {
                        FloatRuns.Clear(to, run);
                        continue;
                    }

                    // Image columns [column, column + run): zeros left of 0 and from the width on.
                    int lead = Math.Clamp(-column, 0, run);
                    int end = Math.Max(lead, Math.Min(run, s.Width - column));
                    FloatRuns.Clear(to, lead);
                    FloatRuns.Copy(cursor.Sample + ((nint)row * s.Width) + column + lead, to + lead, end - lead);
                    FloatRuns.Clear(to + end, run - end);
                }
            }

            j += run;
            for (int i = 0; i < run; i++)
            {
                cursor.Advance(s);
            }
        }
    }

    /// <summary>A whole patch: runs of a kernel row (or of a tap) without bounds checks when the patch lies inside the image.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WalkWhole<TMove>(in PatchSource s, in PixelCursor pixel, float* patch)
        where TMove : struct, IPatchMove
    {
        if (!s.WholePatchInside(pixel.Row, pixel.Column))
        {
            Walk<TMove>(s, pixel, 0, s.PatchLength, patch);
            return;
        }

        float* image = pixel.Sample + ((((nint)pixel.Row * s.Width) + pixel.Column) * s.Channels);
        nint rowStep = (nint)s.DilationHeight * s.Width * s.Channels;
        for (int kh = 0; kh < s.KernelHeight; kh++, image += rowStep)
        {
            if (s.RowRun > 0)
            {
                TMove.Inside(image, patch, s.RowRun);
                patch += s.RowRun;
                continue;
            }

            float* tap = image;
            for (int kw = 0; kw < s.KernelWidth; kw++, tap += (nint)s.DilationWidth * s.Channels, patch += s.GroupChannels)
            {
                TMove.Inside(tap, patch, s.GroupChannels);
            }
        }
    }

    /// <summary>
    /// Visits patch elements <c>[first, first + count)</c> of the cursor's pixel as runs of one
    /// tap's channels, and moves each run between the image and <paramref name="patch"/>.
    /// </summary>
    private static void Walk<TMove>(in PatchSource s, in PixelCursor pixel, int first, int count, float* patch)
        where TMove : struct, IPatchMove
    {
        int groupChannels = s.GroupChannels;
        int tap = first / groupChannels;
        int channel = first - (tap * groupChannels);
        int kh = tap / s.KernelWidth;
        int kw = tap - (kh * s.KernelWidth);
        int row = pixel.Row + (kh * s.DilationHeight);
        int column = pixel.Column + (kw * s.DilationWidth);
        while (count > 0)
        {
            int run = groupChannels - channel < count ? groupChannels - channel : count;
            if ((uint)row < (uint)s.Height && (uint)column < (uint)s.Width)
            {
                TMove.Inside(pixel.Sample + ((((nint)row * s.Width) + column) * s.Channels) + channel, patch, run);
            }
            else
            {
                TMove.Outside(patch, run);
            }

            patch += run;
            count -= run;
            channel = 0;
            column += s.DilationWidth;
            if (++kw == s.KernelWidth)
            {
                kw = 0;
                column = pixel.Column;
                row += s.DilationHeight;
            }
        }
    }

    /// <summary>What a walk does with one run: inside the image, and where the patch reads padding.</summary>
    private interface IPatchMove
    {
        static abstract void Inside(float* image, float* patch, int length);

        static abstract void Outside(float* patch, int length);
    }

    /// <summary>Image to patch; padding reads zero.</summary>
    private readonly struct Copying : IPatchMove
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Inside(float* image, float* patch, int length) => FloatRuns.Copy(image, patch, length);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Outside(float* patch, int length) => FloatRuns.Clear(patch, length);
    }

    /// <summary>Patch added back into the image; what fell on padding is dropped.</summary>
    private readonly struct Adding : IPatchMove
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Inside(float* image, float* patch, int length) => FloatRuns.Add(patch, image, length);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Outside(float* patch, int length)
        {
        }
    }
}

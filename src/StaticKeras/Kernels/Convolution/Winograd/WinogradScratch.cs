using System;
using StaticKeras.Tensors;

namespace StaticKeras.Kernels;

/// <summary>
/// A thread's working memory for Winograd chunks: the transformed inputs V and products M of
/// one chunk, a zero row that padding reads, a row that outputs past the image are written to,
/// and room for a tile's intermediate transform. Per thread (each thread runs its own chunks), pinned, and grown only when a wider
/// convolution needs more, as the GEMM's packing buffers are; steady-state calls allocate nothing.
/// </summary>
internal sealed unsafe class WinogradScratch
{
    [ThreadStatic]
    private static WinogradScratch? current;

    private readonly AlignedBuffer buffer;
    private readonly int channels;
    private readonly int filters;

    private WinogradScratch(int channels, int filters)
    {
        this.channels = channels;
        this.filters = filters;
        int points = WinogradProducts.MaxPoints;
        int v = points * (int)WinogradLayout.ChunkStride(channels), m = points * (int)WinogradLayout.ChunkStride(filters);
        buffer = new AlignedBuffer(v + m + channels + filters + (points * 16) + 32);
        fixed (float* p = buffer.Span)
        {
            V = p;
            M = p + v;
            Zeros = M + m;
            Discard = Zeros + channels + 16;
            Work = Discard + filters + 16;
        }
    }

    /// <summary>The chunk's transformed inputs: α² matrices of <c>ChunkTiles × channels</c>, <see cref="WinogradLayout.ChunkStride"/> apart.</summary>
    public float* V { get; }

    /// <summary>The chunk's products: α² matrices of <c>ChunkTiles × filters</c>, <see cref="WinogradLayout.ChunkStride"/> apart.</summary>
    public float* M { get; }

    /// <summary>A row of zeros (at least as many as the channels) for patches that overhang the image.</summary>
    public float* Zeros { get; }

    /// <summary>A row written by outputs past the image's edge and never read.</summary>
    public float* Discard { get; }

    /// <summary>Room for one tile's intermediate transform: <see cref="WinogradProducts.MaxPoints"/> vectors of 16 floats.</summary>
    public float* Work { get; }

    /// <summary>The calling thread's scratch, grown to hold <paramref name="channelCount"/> channels and <paramref name="filterCount"/> filters.</summary>
    public static WinogradScratch ForThread(int channelCount, int filterCount)
    {
        WinogradScratch? s = current;
        if (s is null || s.channels < channelCount || s.filters < filterCount)
        {
            s = current = new WinogradScratch(Math.Max(channelCount, s?.channels ?? 0), Math.Max(filterCount, s?.filters ?? 0));
        }

        return s;
    }
}

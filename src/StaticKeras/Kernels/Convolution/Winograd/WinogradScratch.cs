using System;
using StaticKeras.Tensors;

namespace StaticKeras.Kernels;

/// <summary>
/// A thread's working memory for Winograd chunks: the transformed inputs V and products M of
/// one chunk, a zero row that padding reads and a row that outputs past the image are written
/// to. Per thread (each thread runs its own chunks), pinned, and grown only when a wider
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
        int v = 16 * WinogradProducts.ChunkTiles * channels, m = 16 * WinogradProducts.ChunkTiles * filters;
        buffer = new AlignedBuffer(v + m + channels + filters + 32);
        fixed (float* p = buffer.Span)
        {
            V = p;
            M = p + v;
            Zeros = M + m;
            Discard = Zeros + channels + 16;
        }
    }

    /// <summary>The chunk's transformed inputs: 16 matrices of <c>ChunkTiles × channels</c>.</summary>
    public float* V { get; }

    /// <summary>The chunk's products: 16 matrices of <c>ChunkTiles × filters</c>.</summary>
    public float* M { get; }

    /// <summary>A row of zeros (at least as many as the channels) for patches that overhang the image.</summary>
    public float* Zeros { get; }

    /// <summary>A row written by outputs past the image's edge and never read.</summary>
    public float* Discard { get; }

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

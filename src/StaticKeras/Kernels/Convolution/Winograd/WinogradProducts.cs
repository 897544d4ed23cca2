using System;

namespace StaticKeras.Kernels;

/// <summary>
/// 3×3 convolutions with unit strides and dilation by Winograd's F(m×m, 3×3) (<typeparamref name="TTile"/>):
/// each m×m block of outputs costs α² = (m + 2)² multiplies per (channel, filter) instead of 9m².
/// The outputs are cut into tiles; up to <see cref="WinogradProducts.ChunkTiles"/> tiles at a time
/// have their input patches transformed, go through α² GEMMs <c>M[ξ] = V[ξ] · U[ξ]</c> on the GEMM's
/// micro-kernels (the transformed kernel U read in place, the chunk's V and M in the thread's L2)
/// and come back as outputs. Chunks are split across threads; each writes only its own outputs
/// and sums in a fixed order, so results do not depend on the split.
/// </summary>
/// <typeparam name="TTile">The Winograd algorithm.</typeparam>
internal static unsafe class WinogradProducts<TTile>
    where TTile : struct, IWinogradTile
{
    /// <summary>Floats of the transformed kernel.</summary>
    public static int KernelFloats(in ConvGeometry g) => TTile.Points * TTile.Points * (int)WinogradLayout.KernelStride(g.Channels, g.Filters);

    /// <summary><c>y (+)= relu?(conv(x, kernel) + bias)</c> from the transformed kernel <paramref name="u"/>.</summary>
    public static void Forward(in ConvGeometry g, int batch, float* x, float* u, float* bias, float* y, bool relu, bool accumulate, in ConvSettings run)
    {
        int tiles = batch * TileRows(g) * TileColumns(g);

        // Smaller chunks when there are too few to go round the threads (one sample has 9 to 36
        // tiles in the CNN's conv2): a tile's sums do not depend on the chunk it is in.
        int size = Math.Clamp((tiles + run.Threads - 1) / Math.Max(run.Threads, 1), 1, WinogradProducts.ChunkTiles);
        var a = new Arguments { G = g, X = x, U = u, Bias = bias, Y = y, Relu = relu, Accumulate = accumulate, Kernel = run.Kernel, Tiles = tiles, ChunkSize = size };
        int chunks = (tiles + size - 1) / size;
        RangeJob.Run(&Chunks, &a, chunks, run.Threads, batch * g.MultiplyAdds / 2);
    }

    private static int TileRows(in ConvGeometry g) => (g.OutputHeight + TTile.Outputs - 1) / TTile.Outputs;

    private static int TileColumns(in ConvGeometry g) => (g.OutputWidth + TTile.Outputs - 1) / TTile.Outputs;

    private static void Chunks(void* arguments, int first, int last)
    {
        ref Arguments a = ref *(Arguments*)arguments;
        ConvGeometry g = a.G;
        WinogradScratch s = WinogradScratch.ForThread(g.Channels, g.Filters);
        for (int chunk = first; chunk < last; chunk++)
        {
            int start = chunk * a.ChunkSize, count = Math.Min(a.ChunkSize, a.Tiles - start);
            for (int t = 0; t < count; t++)
            {
                InputTile(g, a.X, start + t, s, s.V + ((nint)t * g.Channels));
            }

            Products(g, a, s, count);
            for (int t = 0; t < count; t++)
            {
                OutputTile(g, a, start + t, s, s.M + ((nint)t * g.Filters));
            }
        }
    }

    /// <summary>The α² products of one chunk, on the calling thread (the chunks are the parallel work).</summary>
    private static void Products(in ConvGeometry g, in Arguments a, WinogradScratch s, int count)
    {
        GemmProblem p = default;
        p.ARow = g.Channels;
        p.ACol = 1;
        p.BRow = g.Filters;
        p.BCol = 1;
        p.Ldc = g.Filters;
        p.M = count;
        p.N = g.Filters;
        p.K = g.Channels;
        for (int xi = 0; xi < TTile.Points * TTile.Points; xi++)
        {
            p.A = s.V + (xi * WinogradLayout.ChunkStride(g.Channels));
            p.B = a.U + (xi * WinogradLayout.KernelStride(g.Channels, g.Filters));
            p.C = s.M + (xi * WinogradLayout.ChunkStride(g.Filters));
            GemmRunner.Run(p, a.Kernel, 0, count, 0, g.Filters);
        }
    }

    /// <summary>Transforms the α×α input patch of tile <paramref name="tile"/> (padding read as zeros).</summary>
    private static void InputTile(in ConvGeometry g, float* x, int tile, WinogradScratch s, float* v)
    {
        (int b, int row, int column) = Locate(g, tile);
        int points = TTile.Points;
        float** pixels = stackalloc float*[points * points];
        float* sample = x + ((nint)b * g.InputSize);
        for (int i = 0; i < points; i++)
        {
            int ih = row - g.PadTop + i;
            for (int j = 0; j < points; j++)
            {
                int iw = column - g.PadLeft + j;
                pixels[(points * i) + j] = (uint)ih < (uint)g.Height && (uint)iw < (uint)g.Width
                    ? sample + ((((nint)ih * g.Width) + iw) * g.Channels)
                    : s.Zeros;
            }
        }

        TTile.Input(pixels, v, WinogradLayout.ChunkStride(g.Channels), g.Channels, s.Work);
    }

    /// <summary>Turns tile <paramref name="tile"/>'s products into its outputs (those past the image's edge are discarded).</summary>
    private static void OutputTile(in ConvGeometry g, in Arguments a, int tile, WinogradScratch s, float* m)
    {
        (int b, int row, int column) = Locate(g, tile);
        int outputs = TTile.Outputs;
        float** targets = stackalloc float*[outputs * outputs];
        for (int i = 0; i < outputs; i++)
        {
            for (int j = 0; j < outputs; j++)
            {
                int oh = row + i, ow = column + j;
                targets[(outputs * i) + j] = oh < g.OutputHeight && ow < g.OutputWidth
                    ? a.Y + ((((((nint)b * g.OutputHeight) + oh) * g.OutputWidth) + ow) * g.Filters)
                    : s.Discard;
            }
        }

        TTile.Output(m, WinogradLayout.ChunkStride(g.Filters), targets, a.Bias, a.Relu, a.Accumulate, g.Filters, s.Work);
    }

    /// <summary>The sample and first output row and column of a tile (tiles run row-major within a sample).</summary>
    private static (int Sample, int Row, int Column) Locate(in ConvGeometry g, int tile)
    {
        int perSample = TileRows(g) * TileColumns(g);
        int b = tile / perSample, rest = tile - (b * perSample);
        int row = rest / TileColumns(g);
        return (b, TTile.Outputs * row, TTile.Outputs * (rest - (row * TileColumns(g))));
    }

    /// <summary>One call's operands, on the caller's stack for the workers to read.</summary>
    private struct Arguments
    {
        public ConvGeometry G;
        public float* X;
        public float* U;
        public float* Bias;
        public float* Y;
        public bool Relu;
        public bool Accumulate;
        public GemmKernelKind Kernel;
        public int Tiles;
        public int ChunkSize;
    }
}

/// <summary>Where Winograd's products apply, and the sizes every tile shares.</summary>
internal static class WinogradProducts
{
    /// <summary>Tiles per chunk: the GEMM reads B in place for up to this many rows, so U is never repacked.</summary>
    public const int ChunkTiles = GemmBlocking.DirectRows;

    /// <summary>The most products per tile (F(4×4, 3×3): 6 × 6).</summary>
    public const int MaxPoints = 36;

    /// <summary>
    /// Whether the geometry suits them: a 3×3 kernel, unit strides and dilation, one group, and at
    /// least 16 channels and filters (with fewer, the products are too thin for the micro-kernel).
    /// </summary>
    public static bool Applies(in ConvGeometry g) =>
        g.KernelHeight == 3 && g.KernelWidth == 3 && g.StrideHeight == 1 && g.StrideWidth == 1 && g.DilationHeight == 1 && g.DilationWidth == 1
        && g.Groups == 1 && g.Channels >= 16 && g.Filters >= 16;
}

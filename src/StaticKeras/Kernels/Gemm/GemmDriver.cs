using System;
using System.Runtime.CompilerServices;

namespace StaticKeras.Kernels;

/// <summary>
/// The blocked GEMM loop nest over one rectangle of C, for one micro-kernel: depth blocks, then
/// column blocks (B packed into panels, or read in place when few rows use it), then row tiles,
/// then panels. The depth is never split between threads and every element of C sums its depth
/// in ascending order with one FMA per step, so the result is bitwise the same whatever the
/// rectangle, the blocking or the thread count.
/// </summary>
internal static unsafe class GemmDriver<TKernel>
    where TKernel : struct, IMicroKernel
{
    /// <summary>Computes rows <c>[rowStart, rowEnd)</c> × columns <c>[colStart, colEnd)</c> of C.</summary>
    public static void Run(in GemmProblem g, int rowStart, int rowEnd, int colStart, int colEnd)
    {
        if (rowStart >= rowEnd || colStart >= colEnd)
        {
            return;
        }

        if (g.K == 0)
        {
            GemmEpilogue.EmptyDepth(g, rowStart, rowEnd, colStart, colEnd);
            return;
        }

        GemmScratch scratch = GemmScratch.ForThread();
        int blocks = (g.K + GemmBlocking.MaxDepth - 1) / GemmBlocking.MaxDepth;
        bool direct = g.BCol == 1 && rowEnd - rowStart <= GemmBlocking.DirectRows;
        for (int block = 0; block < blocks; block++)
        {
            int p0 = (int)((long)block * g.K / blocks);
            int p1 = (int)((long)(block + 1) * g.K / blocks);
            for (int j0 = colStart; j0 < colEnd; j0 += GemmBlocking.MaxColumns)
            {
                int j1 = Math.Min(j0 + GemmBlocking.MaxColumns, colEnd);
                var span = new BlockSpan(p0, p1 - p0, j0, j1 - j0, first: block == 0, last: block == blocks - 1);
                Block(g, scratch, span, rowStart, rowEnd, direct);
            }
        }
    }

    private static void Block(in GemmProblem g, GemmScratch scratch, in BlockSpan s, int rowStart, int rowEnd, bool direct)
    {
        int width = TKernel.Width;
        int panels = s.Columns / width;
        int tail = s.Columns - (panels * width);
        int tailWidth = tail > width / 2 ? width : width / 2;
        float* packed = scratch.PackedB;
        float* tailPanel = direct ? packed : packed + ((nint)panels * s.Depth * width);
        if (!direct)
        {
            GemmPacking.PackPanels(g, s.DepthStart, s.Depth, s.ColumnStart, panels, width, packed);
        }

        if (tail > 0)
        {
            GemmPacking.PackPanel(g, s.DepthStart, s.Depth, s.ColumnStart + (panels * width), tail, tailWidth, tailPanel);
        }

        bool epilogue = s.Last;
        TileArgs t = default;
        t.ARow = g.ARow;
        t.AStep = g.ACol;
        t.Depth = s.Depth;
        t.Ldc = g.Ldc;
        t.LoadC = !s.First || g.Accumulate;
        t.Relu = epilogue && g.Activation.Relu;
        float* bias = epilogue ? g.Bias : null;
        bool packA = GemmPacking.ShouldPackA(g, panels + (tail > 0 ? 1 : 0));
        for (int i = rowStart; i < rowEnd; i += TKernel.Rows)
        {
            int rows = Math.Min(TKernel.Rows, rowEnd - i);
            float* a = g.A + (i * g.ARow) + (s.DepthStart * g.ACol);
            if (packA)
            {
                a = scratch.PackedA;
                GemmPacking.PackA(g, i, rows, s.DepthStart, s.Depth, a, ref t);
            }
            for (int q = 0; q < panels; q++)
            {
                int j = s.ColumnStart + (q * width);
                t.A = a;
                t.C = g.C + (i * g.Ldc) + j;
                t.B = direct ? g.B + (s.DepthStart * g.BRow) + j : packed + ((nint)q * s.Depth * width);
                t.BStep = direct ? g.BRow : width;
                t.Bias = bias == null ? null : bias + j;
                GemmPrefetch.Tile(q + 1 < panels ? t.C + width : g.C + ((i + rows) * g.Ldc) + s.ColumnStart, g.Ldc, rows, width);
                TKernel.Tile(rows, false, ref t);
            }

            if (tail > 0)
            {
                EdgeTile(g, scratch, ref t, a, tailPanel, i, rows, s.ColumnStart + (panels * width), tail, tailWidth, bias);
            }

            if (epilogue)
            {
                GemmEpilogue.AfterStore(g, i, rows, s.ColumnStart, s.Columns);
            }
        }
    }

    /// <summary>
    /// The last, narrower columns: computed into a full-width scratch tile from a zero-padded
    /// panel (so the kernel never reads or writes past the matrices), then copied out.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void EdgeTile(in GemmProblem g, GemmScratch scratch, ref TileArgs t, float* a, float* panel, int i, int rows, int j, int columns, int tileWidth, float* bias)
    {
        float* tile = scratch.EdgeTile;
        float* c = g.C + (i * g.Ldc) + j;
        if (t.LoadC)
        {
            for (int r = 0; r < rows; r++)
            {
                new Span<float>(c + (r * g.Ldc), columns).CopyTo(new Span<float>(tile + (r * tileWidth), columns));
            }
        }

        float* paddedBias = null;
        if (bias != null)
        {
            paddedBias = scratch.EdgeBias;
            new Span<float>(paddedBias, tileWidth).Clear();
            new Span<float>(bias + j, columns).CopyTo(new Span<float>(paddedBias, columns));
        }

        float* savedC = t.C, savedBias = t.Bias;
        nint savedLdc = t.Ldc, savedStep = t.BStep;
        t.A = a;
        t.B = panel;
        t.BStep = tileWidth;
        t.C = tile;
        t.Ldc = tileWidth;
        t.Bias = paddedBias;
        TKernel.Tile(rows, tileWidth < TKernel.Width, ref t);
        t.C = savedC;
        t.Bias = savedBias;
        t.Ldc = savedLdc;
        t.BStep = savedStep;
        for (int r = 0; r < rows; r++)
        {
            new Span<float>(tile + (r * tileWidth), columns).CopyTo(new Span<float>(c + (r * g.Ldc), columns));
        }
    }

    /// <summary>Where one block sits in the depth and the columns, and whether it starts or ends the depth.</summary>
    private readonly struct BlockSpan(int depthStart, int depth, int columnStart, int columns, bool first, bool last)
    {
        public int DepthStart { get; } = depthStart;

        public int Depth { get; } = depth;

        public int ColumnStart { get; } = columnStart;

        public int Columns { get; } = columns;

        public bool First { get; } = first;

        public bool Last { get; } = last;
    }
}

using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace StaticKeras.Kernels;

/// <summary>
/// Copies a block of B into contiguous panels (<c>depth × width</c>, row after row), so the
/// micro-kernel reads B with unit stride whatever B's layout: in place for a row-major B,
/// transposed for <c>dy · Wᵀ</c>, zero-padded at the right edge.
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>Packs <paramref name="panels"/> full panels of <paramref name="width"/> columns from column <paramref name="column"/>.</summary>
    public static void PackPanels(in GemmProblem g, int depthStart, int depth, int column, int panels, int width, float* destination)
    {
        for (int q = 0; q < panels; q++)
        {
            PackPanel(g, depthStart, depth, column + (q * width), width, width, destination + ((nint)q * depth * width));
        }
    }

    /// <summary>Packs one panel: <paramref name="columns"/> real columns, zero-padded to <paramref name="width"/>.</summary>
    public static void PackPanel(in GemmProblem g, int depthStart, int depth, int column, int columns, int width, float* destination)
    {
        float* source = g.B + (depthStart * g.BRow) + (column * g.BCol);
        if (g.BCol == 1)
        {
            CopyRows(source, g.BRow, depth, columns, width, destination);
        }
        else
        {
            Transpose(source, g.BRow, g.BCol, depth, columns, width, destination);
        }
    }

    private static void CopyRows(float* source, nint sourceRow, int depth, int columns, int width, float* destination)
    {
        nint bytes = columns * sizeof(float);
        for (int p = 0; p < depth; p++)
        {
            float* to = destination + ((nint)p * width);
            Unsafe.CopyBlockUnaligned(to, source + (p * sourceRow), (uint)bytes);
            if (columns < width)
            {
                new Span<float>(to + columns, width - columns).Clear();
            }
        }
    }

    /// <summary>
    /// Gathers B's columns when they are strided (B stored transposed): 4 × 4 blocks at a time
    /// where each source column is contiguous along the depth (<c>dy · Wᵀ</c>), then each
    /// remaining source column read contiguously along the depth and scattered down the panel.
    /// </summary>
    private static void Transpose(float* source, nint depthStride, nint columnStride, int depth, int columns, int width, float* destination)
    {
        int blockedColumns = 0, blockedDepth = 0;
        if (Sse.IsSupported && depthStride == 1)
        {
            blockedColumns = columns & ~3;
            blockedDepth = depth & ~3;
            for (int j = 0; j < blockedColumns; j += 4)
            {
                for (int p = 0; p < blockedDepth; p += 4)
                {
                    Transpose4x4(source + (j * columnStride) + p, columnStride, destination + ((nint)p * width) + j, width);
                }
            }
        }

        for (int j = 0; j < columns; j++)
        {
            float* from = source + (j * columnStride);
            float* to = destination + j;
            for (int p = j < blockedColumns ? blockedDepth : 0; p < depth; p++)
            {
                to[(nint)p * width] = from[p * depthStride];
            }
        }

        for (int j = columns; j < width; j++)
        {
            for (int p = 0; p < depth; p++)
            {
                destination[((nint)p * width) + j] = 0f;
            }
        }
    }

    /// <summary>Writes the transpose of the 4 × 4 block at <paramref name="from"/> (rows <paramref name="fromRow"/> apart) to <paramref name="to"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose4x4(float* from, nint fromRow, float* to, nint toRow)
    {
        Vector128<float> r0 = Sse.LoadVector128(from), r1 = Sse.LoadVector128(from + fromRow);
        Vector128<float> r2 = Sse.LoadVector128(from + (2 * fromRow)), r3 = Sse.LoadVector128(from + (3 * fromRow));
        Vector128<float> t0 = Sse.UnpackLow(r0, r1), t1 = Sse.UnpackLow(r2, r3);
        Vector128<float> t2 = Sse.UnpackHigh(r0, r1), t3 = Sse.UnpackHigh(r2, r3);
        Sse.Store(to, Sse.MoveLowToHigh(t0, t1));
        Sse.Store(to + toRow, Sse.MoveHighToLow(t1, t0));
        Sse.Store(to + (2 * toRow), Sse.MoveLowToHigh(t2, t3));
        Sse.Store(to + (3 * toRow), Sse.MoveHighToLow(t3, t2));
    }

    /// <summary>
    /// Whether a row tile of A should be copied depth-major before use: when its rows (or, for a
    /// transposed A, its depth steps) sit a multiple of 4 KB apart they all map to the same few
    /// L1 sets and evict one another while the kernel still needs them.
    /// </summary>
    public static bool ShouldPackA(in GemmProblem g, int panels)
    {
        if (g.GatherA != null)
        {
            return true;
        }

        if (g.ACol == 1)
        {
            return DistinctSets(g.ARow, GemmBlocking.MaxTileRows) < GemmBlocking.MaxTileRows;
        }

        if (g.ARow == 1)
        {
            return panels > 1 && DistinctSets(g.ACol, 64) < 32;
        }

        return true;
    }

    /// <summary>
    /// Copies rows <c>[row, row + rows)</c> × depth <c>[depthStart, depthStart + depth)</c> of A
    /// into <paramref name="destination"/> with conflict-free strides, and points the tile at it:
    /// a row-major A keeps its layout with a row stride of an odd number of cache lines (a plain
    /// copy per row); a transposed A becomes depth-major (a copy per depth step); an implicit A
    /// is gathered by the problem's <see cref="GemmProblem.GatherA"/>.
    /// </summary>
    public static void PackA(in GemmProblem g, int row, int rows, int depthStart, int depth, float* destination, ref TileArgs t)
    {
        if (g.GatherA != null)
        {
            g.GatherA(g, row, rows, depthStart, depth, destination, ref t);
            return;
        }

        float* source = g.A + (row * g.ARow) + (depthStart * g.ACol);
        if (g.ACol == 1)
        {
            nint stride = PaddedStride(depth);
            for (int i = 0; i < rows; i++)
            {
                Unsafe.CopyBlockUnaligned(destination + (i * stride), source + (i * g.ARow), (uint)(depth * sizeof(float)));
            }

            t.ARow = stride;
            t.AStep = 1;
            return;
        }

        for (int p = 0; p < depth; p++)
        {
            float* from = source + (p * g.ACol);
            float* to = destination + ((nint)p * rows);
            for (int i = 0; i < rows; i++)
            {
                to[i] = from[i * g.ARow];
            }
        }

        t.ARow = 1;
        t.AStep = rows;
    }

    /// <summary>A row stride of at least <paramref name="depth"/> floats spanning an odd number of 64-byte lines.</summary>
    public static nint PaddedStride(int depth)
    {
        int lines = (depth + 15) / 16;
        return (lines | 1) * 16;
    }

    /// <summary>How many of the 64 L1 sets (48 KB, 12-way, 64-byte lines) <paramref name="count"/> rows at this float stride touch.</summary>
    private static int DistinctSets(nint strideFloats, int count)
    {
        ulong sets = 0;
        for (int r = 0; r < count; r++)
        {
            sets |= 1UL << (int)(((long)r * strideFloats * sizeof(float) >> 6) & 63);
        }

        return BitOperations.PopCount(sets);
    }
}

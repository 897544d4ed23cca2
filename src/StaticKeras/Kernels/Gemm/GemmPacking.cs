using System;
using System.Numerics;
using System.Runtime.CompilerServices;

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
    /// Gathers B's columns when they are strided (B stored transposed): reads each source column
    /// contiguously along the depth and scatters it down the panel.
    /// </summary>
    private static void Transpose(float* source, nint depthStride, nint columnStride, int depth, int columns, int width, float* destination)
    {
        for (int j = 0; j < columns; j++)
        {
            float* from = source + (j * columnStride);
            float* to = destination + j;
            for (int p = 0; p < depth; p++)
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

    /// <summary>
    /// Whether a row tile of A should be copied depth-major before use: when its rows (or, for a
    /// transposed A, its depth steps) sit a multiple of 4 KB apart they all map to the same few
    /// L1 sets and evict one another while the kernel still needs them.
    /// </summary>
    public static bool ShouldPackA(in GemmProblem g, int panels)
    {
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
    /// copy per row); a transposed A becomes depth-major (a copy per depth step).
    /// </summary>
    public static void PackA(in GemmProblem g, int row, int rows, int depthStart, int depth, float* destination, ref TileArgs t)
    {
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

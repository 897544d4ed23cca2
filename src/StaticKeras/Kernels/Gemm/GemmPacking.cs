using System;
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
}

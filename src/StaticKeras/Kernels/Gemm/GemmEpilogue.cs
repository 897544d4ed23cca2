using System;
using System.Numerics.Tensors;

namespace StaticKeras.Kernels;

/// <summary>
/// The parts of the fused epilogue the micro-kernel does not do in registers: activations other
/// than ReLU, applied to a row tile right after its last store (while it is still in L1), and
/// the degenerate empty depth.
/// </summary>
internal static unsafe class GemmEpilogue
{
    /// <summary>Applies the tile activation to rows <c>[row, row + rows)</c>, columns <c>[column, column + columns)</c>.</summary>
    public static void AfterStore(in GemmProblem g, int row, int rows, int column, int columns)
    {
        var activation = g.Activation.Tile;
        if (activation == null)
        {
            return;
        }

        for (int r = row; r < row + rows; r++)
        {
            var values = new Span<float>(g.C + (r * g.Ldc) + column, columns);
            activation(values, values, columns);
        }
    }

    /// <summary>With <c>k = 0</c> the product is zero: C keeps its values or is cleared, then the bias and activation apply.</summary>
    public static void EmptyDepth(in GemmProblem g, int rowStart, int rowEnd, int colStart, int colEnd)
    {
        int columns = colEnd - colStart;
        for (int r = rowStart; r < rowEnd; r++)
        {
            var values = new Span<float>(g.C + (r * g.Ldc) + colStart, columns);
            if (!g.Accumulate)
            {
                values.Clear();
            }

            if (g.Bias != null)
            {
                TensorPrimitives.Add(values, new ReadOnlySpan<float>(g.Bias + colStart, columns), values);
            }

            if (g.Activation.Relu)
            {
                TensorPrimitives.Max(values, 0f, values);
            }
        }

        AfterStore(g, rowStart, rowEnd - rowStart, colStart, columns);
    }
}

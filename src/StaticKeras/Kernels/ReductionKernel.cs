using System;
using System.Numerics.Tensors;

namespace StaticKeras.Kernels;

/// <summary>Reductions shared by layers.</summary>
public static class ReductionKernel
{
    /// <summary>Writes the column sums of a <c>(rows, cols)</c> buffer: <c>sums[j] = Σ_i values[i, j]</c>.</summary>
    public static void SumRows(ReadOnlySpan<float> values, Span<float> sums, int rows, int cols)
    {
        Span<float> s = sums.Slice(0, cols);
        s.Clear();
        for (int r = 0; r < rows; r++)
        {
            TensorPrimitives.Add(s, values.Slice(r * cols, cols), s);
        }
    }
}

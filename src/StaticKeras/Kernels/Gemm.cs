using System;
using System.Numerics.Tensors;

namespace StaticKeras.Kernels;

/// <summary>
/// Row-major single-precision matrix products, <c>C = op(A) · op(B)</c> (or <c>C += ...</c>), in
/// the three forms layers need: forward <c>x · W</c>, weight gradient <c>xᵀ · dy</c>, input
/// gradient <c>dy · Wᵀ</c>.
/// </summary>
public static class Gemm
{
    /// <summary>Computes <c>C (m×n) = op(A) · op(B)</c>, or adds it to C.</summary>
    /// <param name="a">A, stored <c>m×k</c> row-major, or <c>k×m</c> when <paramref name="transposeA"/>.</param>
    /// <param name="transposeA">Use the transpose of the stored A.</param>
    /// <param name="b">B, stored <c>k×n</c> row-major, or <c>n×k</c> when <paramref name="transposeB"/>.</param>
    /// <param name="transposeB">Use the transpose of the stored B.</param>
    /// <param name="c">C, <c>m×n</c> row-major.</param>
    /// <param name="m">Rows of C.</param>
    /// <param name="n">Columns of C.</param>
    /// <param name="k">The inner dimension.</param>
    /// <param name="accumulate">Add to C instead of overwriting it.</param>
    public static void Multiply(ReadOnlySpan<float> a, bool transposeA, ReadOnlySpan<float> b, bool transposeB, Span<float> c, int m, int n, int k, bool accumulate)
    {
        ThrowHelper.ThrowIfTooShort(a, (long)m * k, nameof(a));
        ThrowHelper.ThrowIfTooShort(b, (long)k * n, nameof(b));
        ThrowHelper.ThrowIfTooShort(c, (long)m * n, nameof(c));
        if (transposeB)
        {
            MultiplyTransposedB(a, transposeA, b, c, m, n, k, accumulate);
            return;
        }

        for (int i = 0; i < m; i++)
        {
            Span<float> row = c.Slice(i * n, n);
            if (!accumulate)
            {
                row.Clear();
            }

            for (int p = 0; p < k; p++)
            {
                float aip = transposeA ? a[(p * m) + i] : a[(i * k) + p];
                if (aip != 0f)
                {
                    TensorPrimitives.MultiplyAdd(b.Slice(p * n, n), aip, row, row);
                }
            }
        }
    }

    private static void MultiplyTransposedB(ReadOnlySpan<float> a, bool transposeA, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, bool accumulate)
    {
        Span<float> column = k <= 1024 ? stackalloc float[k] : new float[k];
        for (int i = 0; i < m; i++)
        {
            scoped ReadOnlySpan<float> aRow;
            if (transposeA)
            {
                for (int p = 0; p < k; p++)
                {
                    column[p] = a[(p * m) + i];
                }

                aRow = column;
            }
            else
            {
                aRow = a.Slice(i * k, k);
            }

            for (int j = 0; j < n; j++)
            {
                float dot = TensorPrimitives.Dot(aRow, b.Slice(j * k, k));
                c[(i * n) + j] = accumulate ? c[(i * n) + j] + dot : dot;
            }
        }
    }
}

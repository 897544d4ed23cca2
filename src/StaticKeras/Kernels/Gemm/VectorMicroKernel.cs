using System.Runtime.CompilerServices;

namespace StaticKeras.Kernels;

/// <summary>
/// The vector micro-kernel, one source for every width (<typeparamref name="TOps"/>): tiles of
/// up to <see cref="IVectorOps{TVector}.TileRows"/> rows × two vectors, 12 × 32 floats with
/// Vector512 (24 zmm accumulators), 6 × 16 with Vector256 and 6 × 8 with Vector128 (12 each).
/// The Vector128 kernel is for machines whose widest accelerated vectors are 128-bit and that
/// have a vector FMA (ARM64's NEON); x64 code without FMA (older CPUs, a Native AOT build for
/// x86-64-v2) stays on the scalar kernel (see <see cref="GemmKernelSelection.HasVectorFma"/>).
/// </summary>
/// <remarks>
/// Each depth step loads two B vectors, broadcasts one A value per row and issues two FMAs per
/// row into accumulators that stay in registers for the whole block. The JIT specialises the
/// kernel per width, tile height (<see cref="IRowCount"/>) and tile width
/// (<see cref="IColumnCount"/>) and drops the rows and vectors past them, so a 6-row width
/// compiles none of the code for rows 6 to 11. Partial tiles are split into heights of 8, 4, 2
/// and 1.
/// </remarks>
internal readonly unsafe struct VectorMicroKernel<TOps, TVector> : IMicroKernel
    where TOps : struct, IVectorOps<TVector>
    where TVector : struct
{
    public static bool IsSupported => TOps.IsHardwareAccelerated;

    public static int Rows => TOps.TileRows;

    public static int Width => 2 * TOps.Lanes;

    public static void Tile(int rows, bool half, ref TileArgs t)
    {
        if (half)
        {
            Split<OneVector>(rows, ref t);
        }
        else
        {
            Split<TwoVectors>(rows, ref t);
        }
    }

    private static void Split<TCols>(int rows, ref TileArgs t)
        where TCols : struct, IColumnCount
    {
        // A full tile in one call; the TileRows tests are constants, so each width keeps one.
        if (TOps.TileRows == 12 && rows == 12)
        {
            Run<Rows12, TCols>(ref t);
            return;
        }

        if (TOps.TileRows == 6 && rows == 6)
        {
            Run<Rows6, TCols>(ref t);
            return;
        }

        if (TOps.TileRows > 8 && (rows & 8) != 0)
        {
            Run<Rows8, TCols>(ref t);
            Advance(ref t, 8);
        }

        if ((rows & 4) != 0)
        {
            Run<Rows4, TCols>(ref t);
            Advance(ref t, 4);
        }

        if ((rows & 2) != 0)
        {
            Run<Rows2, TCols>(ref t);
            Advance(ref t, 2);
        }

        if ((rows & 1) != 0)
        {
            Run<Rows1, TCols>(ref t);
        }
    }

    private static void Advance(ref TileArgs t, int rows)
    {
        t.A += rows * t.ARow;
        t.C += rows * t.Ldc;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run<TRows, TCols>(ref TileArgs t)
        where TRows : struct, IRowCount
        where TCols : struct, IColumnCount
    {
        bool wide = TCols.Vectors > 1;
        TVector c0_0 = Start<TRows, TCols>(t, 0, 0), c0_1 = Start<TRows, TCols>(t, 0, 1);
        TVector c1_0 = Start<TRows, TCols>(t, 1, 0), c1_1 = Start<TRows, TCols>(t, 1, 1);
        TVector c2_0 = Start<TRows, TCols>(t, 2, 0), c2_1 = Start<TRows, TCols>(t, 2, 1);
        TVector c3_0 = Start<TRows, TCols>(t, 3, 0), c3_1 = Start<TRows, TCols>(t, 3, 1);
        TVector c4_0 = Start<TRows, TCols>(t, 4, 0), c4_1 = Start<TRows, TCols>(t, 4, 1);
        TVector c5_0 = Start<TRows, TCols>(t, 5, 0), c5_1 = Start<TRows, TCols>(t, 5, 1);
        TVector c6_0 = Start<TRows, TCols>(t, 6, 0), c6_1 = Start<TRows, TCols>(t, 6, 1);
        TVector c7_0 = Start<TRows, TCols>(t, 7, 0), c7_1 = Start<TRows, TCols>(t, 7, 1);
        TVector c8_0 = Start<TRows, TCols>(t, 8, 0), c8_1 = Start<TRows, TCols>(t, 8, 1);
        TVector c9_0 = Start<TRows, TCols>(t, 9, 0), c9_1 = Start<TRows, TCols>(t, 9, 1);
        TVector c10_0 = Start<TRows, TCols>(t, 10, 0), c10_1 = Start<TRows, TCols>(t, 10, 1);
        TVector c11_0 = Start<TRows, TCols>(t, 11, 0), c11_1 = Start<TRows, TCols>(t, 11, 1);

        nint r1 = t.ARow, r2 = 2 * r1, r3 = 3 * r1, step = t.AStep, bStep = t.BStep;
        float* a = t.A, a4 = a + (4 * r1), a8 = a + (8 * r1), b = t.B;
        for (int p = 0; p < t.Depth; p++)
        {
            TVector b0 = TOps.Load(b);
            TVector b1 = wide ? TOps.Load(b + TOps.Lanes) : default;
            TVector x;
            x = TOps.Broadcast(*a);
            c0_0 = TOps.FusedMultiplyAdd(x, b0, c0_0);
            c0_1 = wide ? TOps.FusedMultiplyAdd(x, b1, c0_1) : c0_1;
            if (TRows.Value > 1)
            {
                x = TOps.Broadcast(*(a + r1));
                c1_0 = TOps.FusedMultiplyAdd(x, b0, c1_0);
                c1_1 = wide ? TOps.FusedMultiplyAdd(x, b1, c1_1) : c1_1;
            }
            if (TRows.Value > 2)
            {
                x = TOps.Broadcast(*(a + r2));
                c2_0 = TOps.FusedMultiplyAdd(x, b0, c2_0);
                c2_1 = wide ? TOps.FusedMultiplyAdd(x, b1, c2_1) : c2_1;
            }
            if (TRows.Value > 3)
            {
                x = TOps.Broadcast(*(a + r3));
                c3_0 = TOps.FusedMultiplyAdd(x, b0, c3_0);
                c3_1 = wide ? TOps.FusedMultiplyAdd(x, b1, c3_1) : c3_1;
            }
            if (TRows.Value > 4)
            {
                x = TOps.Broadcast(*a4);
                c4_0 = TOps.FusedMultiplyAdd(x, b0, c4_0);
                c4_1 = wide ? TOps.FusedMultiplyAdd(x, b1, c4_1) : c4_1;
            }
            if (TRows.Value > 5)
            {
                x = TOps.Broadcast(*(a4 + r1));
                c5_0 = TOps.FusedMultiplyAdd(x, b0, c5_0);
                c5_1 = wide ? TOps.FusedMultiplyAdd(x, b1, c5_1) : c5_1;
            }
            if (TRows.Value > 6)
            {
                x = TOps.Broadcast(*(a4 + r2));
                c6_0 = TOps.FusedMultiplyAdd(x, b0, c6_0);
                c6_1 = wide ? TOps.FusedMultiplyAdd(x, b1, c6_1) : c6_1;
            }
            if (TRows.Value > 7)
            {
                x = TOps.Broadcast(*(a4 + r3));
                c7_0 = TOps.FusedMultiplyAdd(x, b0, c7_0);
                c7_1 = wide ? TOps.FusedMultiplyAdd(x, b1, c7_1) : c7_1;
            }
            if (TRows.Value > 8)
            {
                x = TOps.Broadcast(*a8);
                c8_0 = TOps.FusedMultiplyAdd(x, b0, c8_0);
                c8_1 = wide ? TOps.FusedMultiplyAdd(x, b1, c8_1) : c8_1;
            }
            if (TRows.Value > 9)
            {
                x = TOps.Broadcast(*(a8 + r1));
                c9_0 = TOps.FusedMultiplyAdd(x, b0, c9_0);
                c9_1 = wide ? TOps.FusedMultiplyAdd(x, b1, c9_1) : c9_1;
            }
            if (TRows.Value > 10)
            {
                x = TOps.Broadcast(*(a8 + r2));
                c10_0 = TOps.FusedMultiplyAdd(x, b0, c10_0);
                c10_1 = wide ? TOps.FusedMultiplyAdd(x, b1, c10_1) : c10_1;
            }
            if (TRows.Value > 11)
            {
                x = TOps.Broadcast(*(a8 + r3));
                c11_0 = TOps.FusedMultiplyAdd(x, b0, c11_0);
                c11_1 = wide ? TOps.FusedMultiplyAdd(x, b1, c11_1) : c11_1;
            }

            a += step;
            a4 += step;
            a8 += step;
            b += bStep;
        }

        Finish<TRows, TCols>(t, 0, c0_0, c0_1);
        Finish<TRows, TCols>(t, 1, c1_0, c1_1);
        Finish<TRows, TCols>(t, 2, c2_0, c2_1);
        Finish<TRows, TCols>(t, 3, c3_0, c3_1);
        Finish<TRows, TCols>(t, 4, c4_0, c4_1);
        Finish<TRows, TCols>(t, 5, c5_0, c5_1);
        Finish<TRows, TCols>(t, 6, c6_0, c6_1);
        Finish<TRows, TCols>(t, 7, c7_0, c7_1);
        Finish<TRows, TCols>(t, 8, c8_0, c8_1);
        Finish<TRows, TCols>(t, 9, c9_0, c9_1);
        Finish<TRows, TCols>(t, 10, c10_0, c10_1);
        Finish<TRows, TCols>(t, 11, c11_0, c11_1);
    }

    /// <summary>The accumulator's start: C's value (accumulate, or a later depth block) or zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Start<TRows, TCols>(in TileArgs t, int row, int vector)
        where TRows : struct, IRowCount
        where TCols : struct, IColumnCount
    {
        return row < TRows.Value && vector < TCols.Vectors && t.LoadC
            ? TOps.Load(t.C + (row * t.Ldc) + (vector * TOps.Lanes))
            : default;
    }

    /// <summary>Adds the bias, applies ReLU when asked and stores one row of the tile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish<TRows, TCols>(in TileArgs t, int row, TVector first, TVector second)
        where TRows : struct, IRowCount
        where TCols : struct, IColumnCount
    {
        if (row >= TRows.Value)
        {
            return;
        }

        float* c = t.C + (row * t.Ldc);
        if (t.Bias != null)
        {
            first = TOps.Add(first, TOps.Load(t.Bias));
            second = TCols.Vectors > 1 ? TOps.Add(second, TOps.Load(t.Bias + TOps.Lanes)) : second;
        }

        if (t.Relu)
        {
            first = TOps.Relu(first);
            second = TOps.Relu(second);
        }

        TOps.Store(first, c);
        if (TCols.Vectors > 1)
        {
            TOps.Store(second, c + TOps.Lanes);
        }
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace StaticKeras.Kernels;

/// <summary>
/// The Vector512 micro-kernel: tiles of up to 12 rows × 32 columns (24 zmm accumulators).
/// </summary>
/// <remarks>
/// Each depth step loads two B vectors, broadcasts one A value per row and issues two FMAs per
/// row into accumulators that stay in registers for the whole block. Partial tiles are split into
/// heights of 8, 4, 2 and 1, each a specialisation of the same method (see <see cref="IRowCount"/>).
/// </remarks>
internal readonly unsafe struct MicroKernel512 : IMicroKernel
{
    public static bool IsSupported => Vector512.IsHardwareAccelerated;

    public static int Rows => 12;

    public static int Width => 32;

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
        if (rows == 12)
        {
            Run<Rows12, TCols>(ref t);
            return;
        }

        if ((rows & 8) != 0)
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
        Vector512<float> c0_0 = Start<TRows, TCols>(t, 0, 0), c0_1 = Start<TRows, TCols>(t, 0, 1);
        Vector512<float> c1_0 = Start<TRows, TCols>(t, 1, 0), c1_1 = Start<TRows, TCols>(t, 1, 1);
        Vector512<float> c2_0 = Start<TRows, TCols>(t, 2, 0), c2_1 = Start<TRows, TCols>(t, 2, 1);
        Vector512<float> c3_0 = Start<TRows, TCols>(t, 3, 0), c3_1 = Start<TRows, TCols>(t, 3, 1);
        Vector512<float> c4_0 = Start<TRows, TCols>(t, 4, 0), c4_1 = Start<TRows, TCols>(t, 4, 1);
        Vector512<float> c5_0 = Start<TRows, TCols>(t, 5, 0), c5_1 = Start<TRows, TCols>(t, 5, 1);
        Vector512<float> c6_0 = Start<TRows, TCols>(t, 6, 0), c6_1 = Start<TRows, TCols>(t, 6, 1);
        Vector512<float> c7_0 = Start<TRows, TCols>(t, 7, 0), c7_1 = Start<TRows, TCols>(t, 7, 1);
        Vector512<float> c8_0 = Start<TRows, TCols>(t, 8, 0), c8_1 = Start<TRows, TCols>(t, 8, 1);
        Vector512<float> c9_0 = Start<TRows, TCols>(t, 9, 0), c9_1 = Start<TRows, TCols>(t, 9, 1);
        Vector512<float> c10_0 = Start<TRows, TCols>(t, 10, 0), c10_1 = Start<TRows, TCols>(t, 10, 1);
        Vector512<float> c11_0 = Start<TRows, TCols>(t, 11, 0), c11_1 = Start<TRows, TCols>(t, 11, 1);

        nint r1 = t.ARow, r2 = 2 * r1, r3 = 3 * r1, step = t.AStep, bStep = t.BStep;
        float* a = t.A, a4 = a + (4 * r1), a8 = a + (8 * r1), b = t.B;
        for (int p = 0; p < t.Depth; p++)
        {
            Vector512<float> b0 = Vector512.Load(b);
            Vector512<float> b1 = wide ? Vector512.Load(b + 16) : default;
            Vector512<float> x;
            x = Vector512.Create(*a);
            c0_0 = Vector512.FusedMultiplyAdd(x, b0, c0_0);
            c0_1 = wide ? Vector512.FusedMultiplyAdd(x, b1, c0_1) : c0_1;
            if (TRows.Value > 1)
            {
                x = Vector512.Create(*(a + r1));
                c1_0 = Vector512.FusedMultiplyAdd(x, b0, c1_0);
                c1_1 = wide ? Vector512.FusedMultiplyAdd(x, b1, c1_1) : c1_1;
            }
            if (TRows.Value > 2)
            {
                x = Vector512.Create(*(a + r2));
                c2_0 = Vector512.FusedMultiplyAdd(x, b0, c2_0);
                c2_1 = wide ? Vector512.FusedMultiplyAdd(x, b1, c2_1) : c2_1;
            }
            if (TRows.Value > 3)
            {
                x = Vector512.Create(*(a + r3));
                c3_0 = Vector512.FusedMultiplyAdd(x, b0, c3_0);
                c3_1 = wide ? Vector512.FusedMultiplyAdd(x, b1, c3_1) : c3_1;
            }
            if (TRows.Value > 4)
            {
                x = Vector512.Create(*a4);
                c4_0 = Vector512.FusedMultiplyAdd(x, b0, c4_0);
                c4_1 = wide ? Vector512.FusedMultiplyAdd(x, b1, c4_1) : c4_1;
            }
            if (TRows.Value > 5)
            {
                x = Vector512.Create(*(a4 + r1));
                c5_0 = Vector512.FusedMultiplyAdd(x, b0, c5_0);
                c5_1 = wide ? Vector512.FusedMultiplyAdd(x, b1, c5_1) : c5_1;
            }
            if (TRows.Value > 6)
            {
                x = Vector512.Create(*(a4 + r2));
                c6_0 = Vector512.FusedMultiplyAdd(x, b0, c6_0);
                c6_1 = wide ? Vector512.FusedMultiplyAdd(x, b1, c6_1) : c6_1;
            }
            if (TRows.Value > 7)
            {
                x = Vector512.Create(*(a4 + r3));
                c7_0 = Vector512.FusedMultiplyAdd(x, b0, c7_0);
                c7_1 = wide ? Vector512.FusedMultiplyAdd(x, b1, c7_1) : c7_1;
            }
            if (TRows.Value > 8)
            {
                x = Vector512.Create(*a8);
                c8_0 = Vector512.FusedMultiplyAdd(x, b0, c8_0);
                c8_1 = wide ? Vector512.FusedMultiplyAdd(x, b1, c8_1) : c8_1;
            }
            if (TRows.Value > 9)
            {
                x = Vector512.Create(*(a8 + r1));
                c9_0 = Vector512.FusedMultiplyAdd(x, b0, c9_0);
                c9_1 = wide ? Vector512.FusedMultiplyAdd(x, b1, c9_1) : c9_1;
            }
            if (TRows.Value > 10)
            {
                x = Vector512.Create(*(a8 + r2));
                c10_0 = Vector512.FusedMultiplyAdd(x, b0, c10_0);
                c10_1 = wide ? Vector512.FusedMultiplyAdd(x, b1, c10_1) : c10_1;
            }
            if (TRows.Value > 11)
            {
                x = Vector512.Create(*(a8 + r3));
                c11_0 = Vector512.FusedMultiplyAdd(x, b0, c11_0);
                c11_1 = wide ? Vector512.FusedMultiplyAdd(x, b1, c11_1) : c11_1;
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
    private static Vector512<float> Start<TRows, TCols>(in TileArgs t, int row, int vector)
        where TRows : struct, IRowCount
        where TCols : struct, IColumnCount
    {
        return row < TRows.Value && vector < TCols.Vectors && t.LoadC
            ? Vector512.Load(t.C + (row * t.Ldc) + (vector * 16))
            : default;
    }

    /// <summary>Adds the bias, applies ReLU when asked and stores one row of the tile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish<TRows, TCols>(in TileArgs t, int row, Vector512<float> first, Vector512<float> second)
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
            first += Vector512.Load(t.Bias);
            second += TCols.Vectors > 1 ? Vector512.Load(t.Bias + 16) : default;
        }

        if (t.Relu)
        {
            first = Vector512.Max(first, Vector512<float>.Zero);
            second = Vector512.Max(second, Vector512<float>.Zero);
        }

        first.Store(c);
        if (TCols.Vectors > 1)
        {
            second.Store(c + 16);
        }
    }
}

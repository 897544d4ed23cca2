using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace StaticKeras.Kernels;

/// <summary>
/// The Vector128 micro-kernel: tiles of up to 6 rows × 8 columns (12 accumulators), for machines
/// whose widest accelerated vectors are 128-bit and that have a vector FMA: ARM64 (NEON). x64
/// code without FMA (older CPUs, a Native AOT build for x86-64-v2) stays on the scalar kernel
/// (see <see cref="GemmKernelSelection.HasVectorFma"/>).
/// </summary>
/// <remarks>
/// Each depth step loads two B vectors, broadcasts one A value per row and issues two FMAs per
/// row into accumulators that stay in registers for the whole block. Partial tiles are split into
/// heights of 4, 2 and 1, each a specialisation of the same method (see <see cref="IRowCount"/>).
/// </remarks>
internal readonly unsafe struct MicroKernel128 : IMicroKernel
{
    public static bool IsSupported => Vector128.IsHardwareAccelerated;

    public static int Rows => 6;

    public static int Width => 8;

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
        if (rows == 6)
        {
            Run<Rows6, TCols>(ref t);
            return;
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
        Vector128<float> c0_0 = Start<TRows, TCols>(t, 0, 0), c0_1 = Start<TRows, TCols>(t, 0, 1);
        Vector128<float> c1_0 = Start<TRows, TCols>(t, 1, 0), c1_1 = Start<TRows, TCols>(t, 1, 1);
        Vector128<float> c2_0 = Start<TRows, TCols>(t, 2, 0), c2_1 = Start<TRows, TCols>(t, 2, 1);
        Vector128<float> c3_0 = Start<TRows, TCols>(t, 3, 0), c3_1 = Start<TRows, TCols>(t, 3, 1);
        Vector128<float> c4_0 = Start<TRows, TCols>(t, 4, 0), c4_1 = Start<TRows, TCols>(t, 4, 1);
        Vector128<float> c5_0 = Start<TRows, TCols>(t, 5, 0), c5_1 = Start<TRows, TCols>(t, 5, 1);

        nint r1 = t.ARow, r2 = 2 * r1, r3 = 3 * r1, step = t.AStep, bStep = t.BStep;
        float* a = t.A, a4 = a + (4 * r1), b = t.B;
        for (int p = 0; p < t.Depth; p++)
        {
            Vector128<float> b0 = Vector128.Load(b);
            Vector128<float> b1 = wide ? Vector128.Load(b + 4) : default;
            Vector128<float> x;
            x = Vector128.Create(*a);
            c0_0 = Vector128.FusedMultiplyAdd(x, b0, c0_0);
            c0_1 = wide ? Vector128.FusedMultiplyAdd(x, b1, c0_1) : c0_1;
            if (TRows.Value > 1)
            {
                x = Vector128.Create(*(a + r1));
                c1_0 = Vector128.FusedMultiplyAdd(x, b0, c1_0);
                c1_1 = wide ? Vector128.FusedMultiplyAdd(x, b1, c1_1) : c1_1;
            }
            if (TRows.Value > 2)
            {
                x = Vector128.Create(*(a + r2));
                c2_0 = Vector128.FusedMultiplyAdd(x, b0, c2_0);
                c2_1 = wide ? Vector128.FusedMultiplyAdd(x, b1, c2_1) : c2_1;
            }
            if (TRows.Value > 3)
            {
                x = Vector128.Create(*(a + r3));
                c3_0 = Vector128.FusedMultiplyAdd(x, b0, c3_0);
                c3_1 = wide ? Vector128.FusedMultiplyAdd(x, b1, c3_1) : c3_1;
            }
            if (TRows.Value > 4)
            {
                x = Vector128.Create(*a4);
                c4_0 = Vector128.FusedMultiplyAdd(x, b0, c4_0);
                c4_1 = wide ? Vector128.FusedMultiplyAdd(x, b1, c4_1) : c4_1;
            }
            if (TRows.Value > 5)
            {
                x = Vector128.Create(*(a4 + r1));
                c5_0 = Vector128.FusedMultiplyAdd(x, b0, c5_0);
                c5_1 = wide ? Vector128.FusedMultiplyAdd(x, b1, c5_1) : c5_1;
            }

            a += step;
            a4 += step;
            b += bStep;
        }

        Finish<TRows, TCols>(t, 0, c0_0, c0_1);
        Finish<TRows, TCols>(t, 1, c1_0, c1_1);
        Finish<TRows, TCols>(t, 2, c2_0, c2_1);
        Finish<TRows, TCols>(t, 3, c3_0, c3_1);
        Finish<TRows, TCols>(t, 4, c4_0, c4_1);
        Finish<TRows, TCols>(t, 5, c5_0, c5_1);
    }

    /// <summary>The accumulator's start: C's value (accumulate, or a later depth block) or zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Start<TRows, TCols>(in TileArgs t, int row, int vector)
        where TRows : struct, IRowCount
        where TCols : struct, IColumnCount
    {
        return row < TRows.Value && vector < TCols.Vectors && t.LoadC
            ? Vector128.Load(t.C + (row * t.Ldc) + (vector * 4))
            : default;
    }

    /// <summary>Adds the bias, applies ReLU when asked and stores one row of the tile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish<TRows, TCols>(in TileArgs t, int row, Vector128<float> first, Vector128<float> second)
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
            first += Vector128.Load(t.Bias);
            second += TCols.Vectors > 1 ? Vector128.Load(t.Bias + 4) : default;
        }

        if (t.Relu)
        {
            first = Vector128.Max(first, Vector128<float>.Zero);
            second = Vector128.Max(second, Vector128<float>.Zero);
        }

        first.Store(c);
        if (TCols.Vectors > 1)
        {
            second.Store(c + 4);
        }
    }
}

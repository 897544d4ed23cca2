using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace StaticKeras.Kernels;

/// <summary>
/// Products too small for tiling (the layers of a 4-8-1 model), and single rows narrower than a
/// 512-bit vector (a 10-unit classifier at batch 1, whose panel the tiled driver would pack from
/// the whole kernel on every call): one row at a time, the columns in the widest vectors that fit
/// and scalars after, with no packing, scratch or thread hand-off.
/// Each element still sums its depth in ascending order with one fused multiply-add per step, so
/// it matches the tiled kernels bit for bit.
/// </summary>
internal static unsafe class GemmSmall
{
    /// <summary>Whether the problem is small enough that the tiled driver's set-up would dominate (and reads A in place).</summary>
    public static bool Suits(in GemmProblem g) =>
        g.GatherA == null && ((long)g.M * g.N * g.K <= 2048 || (g.K <= 16 && g.N < 16) || IsNarrowRow(g));

    /// <summary>One row, fewer than 16 columns and a long depth: <see cref="NarrowRow"/>'s case.</summary>
    private static bool IsNarrowRow(in GemmProblem g) => g.M == 1 && g.N < 16 && g.K > 16 && NarrowRowSuits(g);

    /// <summary>Whether <see cref="NarrowRow"/> can run: B's columns contiguous, and vector FMA on this machine.</summary>
    private static bool NarrowRowSuits(in GemmProblem g) =>
        g.BCol == 1 && Vector256.IsHardwareAccelerated && GemmKernelSelection.HasVectorFma;

    /// <summary>Computes the whole problem, epilogue included.</summary>
    public static void Run(in GemmProblem g)
    {
        if (IsNarrowRow(g))
        {
            NarrowRow(g, g.A, g.C);
            GemmEpilogue.AfterStore(g, 0, 1, 0, g.N);
            return;
        }

        for (int i = 0; i < g.M; i++)
        {
            float* c = g.C + (i * g.Ldc);
            float* a = g.A + (i * g.ARow);
            int j = 0;
            if (g.BCol == 1)
            {
                if (Vector512.IsHardwareAccelerated)
                {
                    j = VectorColumns<Vector512Ops, Vector512<float>>(g, a, c, j);
                }

                if (Vector256.IsHardwareAccelerated)
                {
                    j = VectorColumns<Vector256Ops, Vector256<float>>(g, a, c, j);
                }

                if (Vector128.IsHardwareAccelerated && GemmKernelSelection.HasVectorFma)
                {
                    j = VectorColumns<Vector128Ops, Vector128<float>>(g, a, c, j);
                }
            }

            for (; j < g.N; j++)
            {
                c[j] = Finish(g, Dot(g, a, j, g.Accumulate ? c[j] : 0f), j);
            }
        }

        GemmEpilogue.AfterStore(g, 0, g.M, 0, g.N);
    }

    /// <summary>Computes the columns from <paramref name="j"/> on in whole vectors of one width, and returns where they end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int VectorColumns<TOps, TVector>(in GemmProblem g, float* a, float* c, int j)
        where TOps : struct, IVectorOps<TVector>
        where TVector : struct
    {
        for (; j <= g.N - TOps.Lanes; j += TOps.Lanes)
        {
            TVector sum = g.Accumulate ? TOps.Load(c + j) : default;
            float* b = g.B + j;
            for (int p = 0; p < g.K; p++)
            {
                sum = TOps.FusedMultiplyAdd(TOps.Broadcast(a[p * g.ACol]), TOps.Load(b + (p * g.BRow)), sum);
            }

            if (g.Bias != null)
            {
                sum = TOps.Add(sum, TOps.Load(g.Bias + j));
            }

            TOps.Store(g.Activation.Relu ? TOps.Relu(sum) : sum, c + j);
        }

        return j;
    }

    /// <summary>
    /// One row of fewer than 16 columns: 8, then 4, then up to 3 single columns, all advanced in the
    /// same pass over the depth, so a long depth pays the FMA's latency once per step instead of
    /// once per column group. Each column still sums its depth in ascending order.
    /// </summary>
    private static void NarrowRow(in GemmProblem g, float* a, float* c)
    {
        int wide = g.N >= 8 ? 8 : 0;
        int middle = g.N - wide >= 4 ? 4 : 0;
        int single = wide + middle, rest = g.N - single;
        Vector256<float> sum8 = wide > 0 && g.Accumulate ? Vector256.Load(c) : default;
        Vector128<float> sum4 = middle > 0 && g.Accumulate ? Vector128.Load(c + wide) : default;
        float s0 = rest > 0 && g.Accumulate ? c[single] : 0f;
        float s1 = rest > 1 && g.Accumulate ? c[single + 1] : 0f;
        float s2 = rest > 2 && g.Accumulate ? c[single + 2] : 0f;
        float* b = g.B;
        for (int p = 0; p < g.K; p++, b += g.BRow)
        {
            float x = a[p * g.ACol];
            if (wide > 0)
            {
                sum8 = Vector256.FusedMultiplyAdd(Vector256.Create(x), Vector256.Load(b), sum8);
            }

            if (middle > 0)
            {
                sum4 = Vector128.FusedMultiplyAdd(Vector128.Create(x), Vector128.Load(b + wide), sum4);
            }

            if (rest > 0)
            {
                s0 = MathF.FusedMultiplyAdd(x, b[single], s0);
                if (rest > 1)
                {
                    s1 = MathF.FusedMultiplyAdd(x, b[single + 1], s1);
                    if (rest > 2)
                    {
                        s2 = MathF.FusedMultiplyAdd(x, b[single + 2], s2);
                    }
                }
            }
        }

        if (wide > 0)
        {
            sum8.Store(c);
        }

        if (middle > 0)
        {
            sum4.Store(c + wide);
        }

        Span<float> singles = [s0, s1, s2];
        for (int j = 0; j < rest; j++)
        {
            c[single + j] = singles[j];
        }

        for (int j = 0; j < g.N; j++)
        {
            c[j] = Finish(g, c[j], j);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Dot(in GemmProblem g, float* a, int j, float sum)
    {
        float* b = g.B + (j * g.BCol);
        for (int p = 0; p < g.K; p++)
        {
            sum = MathF.FusedMultiplyAdd(a[p * g.ACol], b[p * g.BRow], sum);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Finish(in GemmProblem g, float sum, int j)
    {
        if (g.Bias != null)
        {
            sum += g.Bias[j];
        }

        return g.Activation.Relu ? MathF.Max(sum, 0f) : sum;
    }
}

using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace StaticKeras.Kernels;

/// <summary>
/// Products too small for tiling (the layers of a 4-8-1 model): one row at a time, the columns
/// in the widest vectors that fit and scalars after, with no packing, scratch or thread hand-off.
/// Each element still sums its depth in ascending order with one fused multiply-add per step, so
/// it matches the tiled kernels bit for bit.
/// </summary>
internal static unsafe class GemmSmall
{
    /// <summary>Whether the problem is small enough that the tiled driver's set-up would dominate (and reads A in place).</summary>
    public static bool Suits(in GemmProblem g) =>
        g.GatherA == null && ((long)g.M * g.N * g.K <= 2048 || (g.K <= 16 && g.N < 16));

    /// <summary>Computes the whole problem, epilogue included.</summary>
    public static void Run(in GemmProblem g)
    {
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

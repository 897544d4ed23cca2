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
    /// <summary>Whether the problem is small enough that the tiled driver's set-up would dominate.</summary>
    public static bool Suits(in GemmProblem g) =>
        (long)g.M * g.N * g.K <= 2048 || (g.K <= 16 && g.N < 16);

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
                    for (; j <= g.N - 16; j += 16)
                    {
                        Row512(g, a, c, j);
                    }
                }

                if (Vector256.IsHardwareAccelerated)
                {
                    for (; j <= g.N - 8; j += 8)
                    {
                        Row256(g, a, c, j);
                    }
                }

                if (Vector128.IsHardwareAccelerated && GemmKernelSelection.HasVectorFma)
                {
                    for (; j <= g.N - 4; j += 4)
                    {
                        Row128(g, a, c, j);
                    }
                }
            }

            for (; j < g.N; j++)
            {
                c[j] = Finish(g, Dot(g, a, j, g.Accumulate ? c[j] : 0f), j);
            }
        }

        GemmEpilogue.AfterStore(g, 0, g.M, 0, g.N);
    }

    private static void Row512(in GemmProblem g, float* a, float* c, int j)
    {
        Vector512<float> sum = g.Accumulate ? Vector512.Load(c + j) : Vector512<float>.Zero;
        float* b = g.B + j;
        for (int p = 0; p < g.K; p++)
        {
            sum = Vector512.FusedMultiplyAdd(Vector512.Create(a[p * g.ACol]), Vector512.Load(b + (p * g.BRow)), sum);
        }

        if (g.Bias != null)
        {
            sum += Vector512.Load(g.Bias + j);
        }

        (g.Activation == Activation.Relu ? Vector512.Max(sum, Vector512<float>.Zero) : sum).Store(c + j);
    }

    private static void Row256(in GemmProblem g, float* a, float* c, int j)
    {
        Vector256<float> sum = g.Accumulate ? Vector256.Load(c + j) : Vector256<float>.Zero;
        float* b = g.B + j;
        for (int p = 0; p < g.K; p++)
        {
            sum = Vector256.FusedMultiplyAdd(Vector256.Create(a[p * g.ACol]), Vector256.Load(b + (p * g.BRow)), sum);
        }

        if (g.Bias != null)
        {
            sum += Vector256.Load(g.Bias + j);
        }

        (g.Activation == Activation.Relu ? Vector256.Max(sum, Vector256<float>.Zero) : sum).Store(c + j);
    }

    private static void Row128(in GemmProblem g, float* a, float* c, int j)
    {
        Vector128<float> sum = g.Accumulate ? Vector128.Load(c + j) : Vector128<float>.Zero;
        float* b = g.B + j;
        for (int p = 0; p < g.K; p++)
        {
            sum = Vector128.FusedMultiplyAdd(Vector128.Create(a[p * g.ACol]), Vector128.Load(b + (p * g.BRow)), sum);
        }

        if (g.Bias != null)
        {
            sum += Vector128.Load(g.Bias + j);
        }

        (g.Activation == Activation.Relu ? Vector128.Max(sum, Vector128<float>.Zero) : sum).Store(c + j);
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

        return g.Activation == Activation.Relu ? MathF.Max(sum, 0f) : sum;
    }
}

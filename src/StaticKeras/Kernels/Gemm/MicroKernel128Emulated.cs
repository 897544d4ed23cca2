using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace StaticKeras.Kernels;

/// <summary>
/// The Vector128 micro-kernel for x64 code compiled without FMA (a Native AOT build for the
/// default x86-64-v2): the same 6 × 8 tiles as <see cref="MicroKernel128"/>, each multiply-add
/// formed in double precision and rounded once to float (<see cref="Fma128.Step"/>), so it gives
/// the FMA kernels' bits where a vector FMA would otherwise cost one C library call per lane.
/// </summary>
/// <remarks>
/// A row of 4 floats takes two double vectors, so a tile is computed one 4-column half at a time
/// (6 accumulators) to stay within the 16 SSE registers.
/// </remarks>
internal readonly unsafe struct MicroKernel128Emulated : IMicroKernel
{
    public static bool IsSupported => Vector128.IsHardwareAccelerated;

    public static int Rows => MicroKernel128.Rows;

    public static int Width => MicroKernel128.Width;

    public static void Tile(int rows, bool half, ref TileArgs t)
    {
        int vectors = half ? 1 : 2;
        if (rows == 6)
        {
            Run<Rows6>(t, vectors);
            return;
        }

        if ((rows & 4) != 0)
        {
            Run<Rows4>(t, vectors);
            Advance(ref t, 4);
        }

        if ((rows & 2) != 0)
        {
            Run<Rows2>(t, vectors);
            Advance(ref t, 2);
        }

        if ((rows & 1) != 0)
        {
            Run<Rows1>(t, vectors);
        }
    }

    private static void Advance(ref TileArgs t, int rows)
    {
        t.A += rows * t.ARow;
        t.C += rows * t.Ldc;
    }

    /// <summary>
    /// One 4-column vector at a time, each step rounded once through double precision; a vector
    /// whose steps raised a doubt is recomputed with scalar FMAs before anything is stored.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run<TRows>(in TileArgs t, int vectors)
        where TRows : struct, IRowCount
    {
        nint r1 = t.ARow, r2 = 2 * r1, r3 = 3 * r1, step = t.AStep, bStep = t.BStep;
        for (int v = 0; v < vectors; v++)
        {
            Vector128<float> c0 = MicroKernel128.Start<TRows, TwoVectors>(t, 0, v), c1 = MicroKernel128.Start<TRows, TwoVectors>(t, 1, v);
            Vector128<float> c2 = MicroKernel128.Start<TRows, TwoVectors>(t, 2, v), c3 = MicroKernel128.Start<TRows, TwoVectors>(t, 3, v);
            Vector128<float> c4 = MicroKernel128.Start<TRows, TwoVectors>(t, 4, v), c5 = MicroKernel128.Start<TRows, TwoVectors>(t, 5, v);
            Vector128<ulong> doubt = default;
            float* a = t.A, a4 = a + (4 * r1), b = t.B + (v * 4);
            for (int p = 0; p < t.Depth; p++)
            {
                (Vector128<double> low, Vector128<double> high) = Vector128.Widen(Vector128.Load(b));
                c0 = Fma128.Step(Vector128.Create((double)*a), low, high, c0, ref doubt);
                c1 = TRows.Value > 1 ? Fma128.Step(Vector128.Create((double)*(a + r1)), low, high, c1, ref doubt) : c1;
                c2 = TRows.Value > 2 ? Fma128.Step(Vector128.Create((double)*(a + r2)), low, high, c2, ref doubt) : c2;
                c3 = TRows.Value > 3 ? Fma128.Step(Vector128.Create((double)*(a + r3)), low, high, c3, ref doubt) : c3;
                c4 = TRows.Value > 4 ? Fma128.Step(Vector128.Create((double)*a4), low, high, c4, ref doubt) : c4;
                c5 = TRows.Value > 5 ? Fma128.Step(Vector128.Create((double)*(a4 + r1)), low, high, c5, ref doubt) : c5;
                a += step;
                a4 += step;
                b += bStep;
            }

            if (doubt != Vector128<ulong>.Zero)
            {
                MicroKernelScalar.Columns(TRows.Value, v * 4, 4, t);
                continue;
            }

            TileArgs at = t.WithColumn(v * 4);
            MicroKernel128.Finish<TRows, OneVector>(at, 0, c0, default);
            MicroKernel128.Finish<TRows, OneVector>(at, 1, c1, default);
            MicroKernel128.Finish<TRows, OneVector>(at, 2, c2, default);
            MicroKernel128.Finish<TRows, OneVector>(at, 3, c3, default);
            MicroKernel128.Finish<TRows, OneVector>(at, 4, c4, default);
            MicroKernel128.Finish<TRows, OneVector>(at, 5, c5, default);
        }
    }
}

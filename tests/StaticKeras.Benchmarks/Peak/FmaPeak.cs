using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace StaticKeras.Benchmarks.Peak;

/// <summary>
/// The machine's measured FMA peak: independent chains of Vector512 (else Vector256) fused
/// multiply-adds, enough to cover the latency of both FMA pipes, on 1..N threads at once. GEMM
/// figures are reported as a fraction of this, measured in the same run.
/// </summary>
public static class FmaPeak
{
    private const int Iterations = 4_000_000;

    /// <summary>
    /// GFLOP/s of <paramref name="threads"/> threads running FMA chains together: the best of
    /// <paramref name="repeats"/> short runs, so a run that shared a core with another process does not count.
    /// </summary>
    public static double Measure(int threads, int repeats = 25)
    {
        double best = 0;
        Chains(100_000);
        for (int r = 0; r < repeats; r++)
        {
            // Each thread times itself; the run spans the first start to the last end, so a
            // thread that started late (or the caller, descheduled) cannot shorten it.
            var starts = new long[threads];
            var ends = new long[threads];
            using var start = new Barrier(threads);
            var workers = new Thread[threads];
            for (int t = 0; t < threads; t++)
            {
                int index = t;
                workers[t] = new Thread(() =>
                {
                    start.SignalAndWait();
                    starts[index] = Stopwatch.GetTimestamp();
                    Chains(Iterations);
                    ends[index] = Stopwatch.GetTimestamp();
                });
                workers[t].Start();
            }

            foreach (Thread worker in workers)
            {
                worker.Join();
            }

            double seconds = (double)(ends.Max() - starts.Min()) / Stopwatch.Frequency;
            best = Math.Max(best, threads * FlopsPerRun(Iterations) / seconds / 1e9);
        }

        return best;
    }

    /// <summary>The vector instruction set the peak (and the GEMM) runs on.</summary>
    public static string Isa => Vector512.IsHardwareAccelerated ? "Vector512" : "Vector256";

    private static double FlopsPerRun(int iterations) => 2.0 * 12 * iterations * (Vector512.IsHardwareAccelerated ? 16 : 8);

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Chains(int iterations)
    {
        return Vector512.IsHardwareAccelerated ? Chains512(iterations) : Chains256(iterations);
    }

    private static float Chains512(int iterations)
    {
        Vector512<float> x = Vector512.Create(0.999999f), y = Vector512.Create(1e-7f);
        Vector512<float> a0 = x, a1 = x, a2 = x, a3 = x, a4 = x, a5 = x, a6 = x, a7 = x, a8 = x, a9 = x, a10 = x, a11 = x;
        for (int i = 0; i < iterations; i++)
        {
            a0 = Vector512.FusedMultiplyAdd(a0, x, y);
            a1 = Vector512.FusedMultiplyAdd(a1, x, y);
            a2 = Vector512.FusedMultiplyAdd(a2, x, y);
            a3 = Vector512.FusedMultiplyAdd(a3, x, y);
            a4 = Vector512.FusedMultiplyAdd(a4, x, y);
            a5 = Vector512.FusedMultiplyAdd(a5, x, y);
            a6 = Vector512.FusedMultiplyAdd(a6, x, y);
            a7 = Vector512.FusedMultiplyAdd(a7, x, y);
            a8 = Vector512.FusedMultiplyAdd(a8, x, y);
            a9 = Vector512.FusedMultiplyAdd(a9, x, y);
            a10 = Vector512.FusedMultiplyAdd(a10, x, y);
            a11 = Vector512.FusedMultiplyAdd(a11, x, y);
        }

        return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }

    private static float Chains256(int iterations)
    {
        Vector256<float> x = Vector256.Create(0.999999f), y = Vector256.Create(1e-7f);
        Vector256<float> a0 = x, a1 = x, a2 = x, a3 = x, a4 = x, a5 = x, a6 = x, a7 = x, a8 = x, a9 = x, a10 = x, a11 = x;
        for (int i = 0; i < iterations; i++)
        {
            a0 = Vector256.FusedMultiplyAdd(a0, x, y);
            a1 = Vector256.FusedMultiplyAdd(a1, x, y);
            a2 = Vector256.FusedMultiplyAdd(a2, x, y);
            a3 = Vector256.FusedMultiplyAdd(a3, x, y);
            a4 = Vector256.FusedMultiplyAdd(a4, x, y);
            a5 = Vector256.FusedMultiplyAdd(a5, x, y);
            a6 = Vector256.FusedMultiplyAdd(a6, x, y);
            a7 = Vector256.FusedMultiplyAdd(a7, x, y);
            a8 = Vector256.FusedMultiplyAdd(a8, x, y);
            a9 = Vector256.FusedMultiplyAdd(a9, x, y);
            a10 = Vector256.FusedMultiplyAdd(a10, x, y);
            a11 = Vector256.FusedMultiplyAdd(a11, x, y);
        }

        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }
}

using StaticKeras.Benchmarks.Peak;
using StaticKeras.Kernels;

namespace StaticKeras.Benchmarks.Figures;

/// <summary>GEMM throughput on square products, as GFLOP/s and as a fraction of the FMA peak measured in the same run.</summary>
public static class GemmFigures
{
    public static double Peak(int threads)
    {
        double peak = FmaPeak.Measure(threads);
        System.Console.WriteLine($"[statickeras] threads={threads} FMA-PEAK {FmaPeak.Isa}: {peak:F1} GFLOP/s");
        return peak;
    }

    public static void Run(int threads, double peak)
    {
        foreach ((int size, int warmup, int samples) in new[] { (256, 50, 400), (1024, 3, 30) })
        {
            float[] a = Random(size * size, 1), b = Random(size * size, 2), c = new float[size * size];
            ModelFigures.Settle();
            StepStats stats = StepTimer.Time(() => Gemm.Multiply(a, false, b, false, c, size, size, size, accumulate: false), warmup, samples);
            double gflops = 2.0 * size * size * size / (stats.Median * 1e3);
            System.Console.WriteLine($"[statickeras] threads={threads} GEMM {size}x{size}x{size}: {stats.Format("us/call")} -> {gflops:F1} GFLOP/s = {100 * gflops / peak:F1}% of FMA peak {peak:F1}");
        }
    }

    /// <summary>Runs the GEMM shapes of the figures a few times (JIT warm-up).</summary>
    public static void WarmUp()
    {
        float[] a = Random(256 * 256, 1), c = new float[256 * 256];
        for (int i = 0; i < 50; i++)
        {
            Gemm.Multiply(a, false, a, false, c, 256, 256, 256, accumulate: false);
            Gemm.Multiply(a, true, a, false, c, 256, 256, 256, accumulate: false);
            Gemm.Multiply(a, false, a, true, c, 256, 256, 256, accumulate: false);
        }
    }

    public static float[] Random(int length, int seed)
    {
        var random = new Random(seed);
        var values = new float[length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)random.NextDouble() - 0.5f;
        }

        return values;
    }
}

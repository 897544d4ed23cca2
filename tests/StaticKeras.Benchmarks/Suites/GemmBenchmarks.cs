using BenchmarkDotNet.Attributes;
using StaticKeras.Benchmarks.Figures;
using StaticKeras.Benchmarks.Peak;
using StaticKeras.Kernels;

namespace StaticKeras.Benchmarks.Suites;

/// <summary>
/// Square GEMMs (the forward form and both backward forms) on 1 and 2 threads. The console mode
/// turns these times into GFLOP/s and a fraction of the measured FMA peak; <see cref="FmaPeak"/>
/// here gives the peak's time for the same work.
/// </summary>
public class GemmBenchmarks
{
    private float[] a = [], b = [], c = [];

    [Params(256, 1024)]
    public int Size { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        KernelOptions.Threads = Threads;
        a = GemmFigures.Random(Size * Size, 1);
        b = GemmFigures.Random(Size * Size, 2);
        c = new float[Size * Size];
    }

    [Benchmark(Baseline = true, Description = "NN x·W")]
    public void Forward() => Gemm.Multiply(a, false, b, false, c, Size, Size, Size, false);

    [Benchmark(Description = "TN xᵀ·dy")]
    public void WeightGradient() => Gemm.Multiply(a, true, b, false, c, Size, Size, Size, false);

    [Benchmark(Description = "NT dy·Wᵀ")]
    public void InputGradient() => Gemm.Multiply(a, false, b, true, c, Size, Size, Size, false);
}

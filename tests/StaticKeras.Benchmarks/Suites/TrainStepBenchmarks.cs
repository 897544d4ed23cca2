using BenchmarkDotNet.Attributes;
using StaticKeras.Benchmarks.Models;

namespace StaticKeras.Benchmarks.Suites;

/// <summary>One <c>TrainOnBatch</c> (forward, loss, backward, Adam) of each model at batch 1, 32 and 128, on 1 and 2 threads.</summary>
[MemoryDiagnoser]
public class TrainStepBenchmarks : ModelBenchmark
{
    private Model model = null!;
    private float[] x = [];
    private float[] y = [];

    [GlobalSetup]
    public void Setup()
    {
        BenchmarkModel spec = Prepare();
        model = spec.CreateCompiled();
        (x, y) = spec.Batch(Batch);
    }

    [Benchmark]
    public double TrainStep() => model.TrainOnBatch(x, y)["loss"];
}

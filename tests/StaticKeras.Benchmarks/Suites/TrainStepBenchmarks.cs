using BenchmarkDotNet.Attributes;
using StaticKeras.Benchmarks.Models;

namespace StaticKeras.Benchmarks.Suites;

/// <summary>One <c>TrainOnBatch</c> (forward, loss, backward, Adam) of each model at batch 1, 32 and 128, on 1 and 2 threads.</summary>
[MemoryDiagnoser]
public class TrainStepBenchmarks
{
    private Model model = null!;
    private float[] x = [];
    private float[] y = [];

    [Params("MLP 784-128-10", "Tiny 4-8-1")]
    public string Model { get; set; } = "MLP 784-128-10";

    [Params(1, 32, 128)]
    public int Batch { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        KernelOptions.Threads = Threads;
        BenchmarkModel spec = Model.StartsWith("MLP", StringComparison.Ordinal) ? BenchmarkModel.Mlp : BenchmarkModel.Tiny;
        model = spec.CreateCompiled();
        (x, y) = spec.Batch(Batch);
    }

    [Benchmark]
    public float TrainStep() => model.TrainOnBatch(x, y);
}

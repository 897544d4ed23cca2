using BenchmarkDotNet.Attributes;
using StaticKeras.Benchmarks.Models;

namespace StaticKeras.Benchmarks.Suites;

/// <summary>The parameters every model benchmark shares: which model, the batch and the kernel threads.</summary>
public abstract class ModelBenchmark
{
    [Params("MLP 784-128-10", "Tiny 4-8-1")]
    public string Model { get; set; } = "MLP 784-128-10";

    [Params(1, 32, 128)]
    public int Batch { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Applies the thread count and returns the chosen model's description.</summary>
    protected BenchmarkModel Prepare()
    {
        KernelOptions.Threads = Threads;
        return Model.StartsWith("MLP", StringComparison.Ordinal) ? BenchmarkModel.Mlp : BenchmarkModel.Tiny;
    }
}

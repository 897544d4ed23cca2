using BenchmarkDotNet.Attributes;
using StaticKeras.Benchmarks.Models;
using StaticKeras.Benchmarks.Onnx;

namespace StaticKeras.Benchmarks.Suites;

/// <summary>
/// One prediction of each model at batch 1, 32 and 128, by StaticKeras (the baseline) and by
/// ONNX Runtime running the same model with the same weights, on 1 and 2 threads.
/// </summary>
[MemoryDiagnoser]
public class PredictBenchmarks
{
    private Model model = null!;
    private OrtPredictor ort = null!;
    private OrtPredictor.Batch ortBatch = null!;
    private float[] x = [];
    private float[] output = [];

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
        (x, _) = spec.Batch(Batch);
        output = new float[Batch * spec.Outputs];
        ort = new OrtPredictor(model, spec, Threads);
        ortBatch = ort.Prepare(x, Batch);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        ortBatch.Dispose();
        ort.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void StaticKeras() => model.Predict(x, output);

    [Benchmark]
    public void OnnxRuntime() => ortBatch.Run();
}

using BenchmarkDotNet.Attributes;
using StaticKeras.Benchmarks.Models;
using StaticKeras.Benchmarks.Onnx;

namespace StaticKeras.Benchmarks.Suites;

/// <summary>
/// One prediction of each model at batch 1, 32 and 128, by StaticKeras (the baseline) and by
/// ONNX Runtime running the same model with the same weights, on 1 and 2 threads.
/// </summary>
[MemoryDiagnoser]
public class PredictBenchmarks : ModelBenchmark
{
    private Model model = null!;
    private OrtPredictor ort = null!;
    private OrtPredictor.Batch ortBatch = null!;
    private float[] x = [];
    private float[] output = [];

    [GlobalSetup]
    public void Setup()
    {
        BenchmarkModel spec = Prepare();
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

using StaticKeras.Benchmarks.Models;
using StaticKeras.Benchmarks.Onnx;

namespace StaticKeras.Benchmarks.Figures;

/// <summary>Training steps and predictions of one model, and ONNX Runtime predicting it with the same weights.</summary>
public static class ModelFigures
{
    public static void Train(int threads, BenchmarkModel spec, (int Batch, int Warmup, int Samples)[] figures)
    {
        foreach ((int batch, int warmup, int samples) in figures)
        {
            Model model = spec.CreateCompiled();
            (float[] x, float[] y) = spec.Batch(batch);
            Settle();
            StepStats stats = StepTimer.Time(() => model.TrainOnBatch(x, y), warmup, samples);
            model.ResetMetrics();
            double loss = model.TrainOnBatch(x, y)["loss"];
            System.Console.WriteLine($"[statickeras] threads={threads} TRAIN {spec.TrainName} batch={batch}: {stats.Format("us/step")} -> {Math.Round(batch / (stats.Median / 1e6))} samples/s (loss after: {loss:F4}, allocated {stats.BytesPerCall:0.##} B/step)");
        }
    }

    public static void Predict(int threads, BenchmarkModel spec, (int Batch, int Warmup, int Samples)[] figures)
    {
        // All of ours first, then ONNX Runtime's with a session created only then: ORT's pool
        // threads keep spinning after its calls, and beside them our workers lose their core.
        Model model = spec.CreateCompiled();
        var outputs = new List<float[]>();
        foreach ((int batch, int warmup, int samples) in figures)
        {
            (float[] x, _) = spec.Batch(batch);
            var ours = new float[batch * spec.Outputs];
            Settle();
            StepStats stats = StepTimer.Time(() => model.Predict(x, ours), warmup, samples);
            outputs.Add(ours);
            System.Console.WriteLine($"[statickeras] threads={threads} INFER {spec.Name} batch={batch}: {stats.Format("us/call")} -> {Math.Round(batch / (stats.Median / 1e6))} samples/s (allocated {stats.BytesPerCall:0.##} B/call)");
        }

        using var ort = new OrtPredictor(model, spec, threads);
        for (int f = 0; f < figures.Length; f++)
        {
            (int batch, int warmup, int samples) = figures[f];
            (float[] x, _) = spec.Batch(batch);
            using OrtPredictor.Batch run = ort.Prepare(x, batch);
            Settle();
            StepStats peer = StepTimer.Time(run.Run, warmup, samples);
            double difference = MaxDifference(outputs[f], run.Output);
            System.Console.WriteLine($"[onnxruntime] threads={threads} INFER {spec.Name} batch={batch} (OrtValue, preallocated): {peer.Format("us/call")} -> {Math.Round(batch / (peer.Median / 1e6))} samples/s (max |ours - ort| = {difference:E1})");
        }
    }

    /// <summary>
    /// Lets the other runtime's threads go idle before a figure: ONNX Runtime's pool and ours
    /// both spin for a while after each call, and a spinning neighbour on a 2-core machine would
    /// take the core the measured one needs.
    /// </summary>
    public static void Settle() => Thread.Sleep(100);

    private static double MaxDifference(float[] a, ReadOnlySpan<float> b)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }
}

using StaticKeras.Benchmarks.Figures;
using StaticKeras.Benchmarks.Models;
using StaticKeras.Benchmarks.Onnx;

namespace StaticKeras.Benchmarks.Cnn;

/// <summary>
/// The peer CNN as a generated model (<see cref="BenchmarkModel.Cnn"/>): an Adam training step at
/// batch 32 and predictions at batch 1 and 128, in the peer harness's line format, with the
/// convolutions' share of the FMA peak measured in the same run (counted in a direct
/// convolution's FLOPs, so Winograd's fewer multiplies can pass 100%); then ONNX Runtime
/// predicting the same model with the same weights.
/// </summary>
public static class CnnFigures
{
    private const int TrainBatch = 32;
    private static readonly (int Batch, int Warmup, int Samples)[] Predictions = [(1, 300, 2000), (128, 10, 60)];

    /// <summary>Per-sample multiply-adds of the two convolutions (the rest is under 1%).</summary>
    private static long ConvolutionMultiplyAdds => ConvFigures.Convolutions[0].Geometry.MultiplyAdds + ConvFigures.Convolutions[1].Geometry.MultiplyAdds;

    public static void Run(int threads, double peak)
    {
        BenchmarkModel spec = BenchmarkModel.Cnn;
        Model model = spec.CreateCompiled();
        (float[] x, float[] y) = spec.Batch(TrainBatch);
        ModelFigures.Settle();
        StepStats train = StepTimer.Time(() => model.TrainOnBatch(x, y), 30, 200);
        model.ResetMetrics();
        double loss = model.TrainOnBatch(x, y)["loss"];

        // Forward, the kernel gradients of both convolutions and the input gradient of the second.
        double flops = 2.0 * TrainBatch * ((3 * ConvFigures.Convolutions[1].Geometry.MultiplyAdds) + (2 * ConvFigures.Convolutions[0].Geometry.MultiplyAdds));
        System.Console.WriteLine($"[statickeras] threads={threads} TRAIN {spec.TrainName} batch={TrainBatch}: {train.Format("us/step")} -> {Math.Round(TrainBatch / (train.Median / 1e6))} samples/s (loss after: {loss:F4}, allocated {train.BytesPerCall:0.##} B/step, convolutions at {Percent(flops, train, peak)} of FMA peak {peak:F1} in direct-convolution FLOPs)");

        var outputs = new List<float[]>();
        foreach ((int batch, int warmup, int samples) in Predictions)
        {
            (float[] input, _) = spec.Batch(batch);
            var ours = new float[batch * spec.Outputs];
            ModelFigures.Settle();
            StepStats stats = StepTimer.Time(() => model.Predict(input, ours), warmup, samples);
            outputs.Add(ours);
            double forward = 2.0 * batch * ConvolutionMultiplyAdds;
            System.Console.WriteLine($"[statickeras] threads={threads} INFER {spec.Name} batch={batch}: {stats.Format("us/call")} -> {Math.Round(batch / (stats.Median / 1e6))} samples/s (allocated {stats.BytesPerCall:0.##} B/call, convolutions at {Percent(forward, stats, peak)} of FMA peak {peak:F1} in direct-convolution FLOPs)");
        }

        // After ours, as ModelFigures does: ONNX Runtime's threads keep spinning after its calls.
        using var ort = new OrtPredictor(OnnxWriter.Cnn(spec.Name, Weight(model, "conv2d/kernel"), Weight(model, "conv2d/bias"), Weight(model, "conv2d_1/kernel"), Weight(model, "conv2d_1/bias"), Weight(model, "dense/kernel"), Weight(model, "dense/bias")), spec.Outputs, [1, 28, 28], threads);
        for (int f = 0; f < Predictions.Length; f++)
        {
            (int batch, int warmup, int samples) = Predictions[f];
            (float[] input, _) = spec.Batch(batch);
            using OrtPredictor.Batch run = ort.Prepare(input, batch);
            ModelFigures.Settle();
            StepStats peer = StepTimer.Time(run.Run, warmup, samples);
            double difference = outputs[f].Zip(run.Output.ToArray(), (a, b) => Math.Abs(a - b)).Max();
            System.Console.WriteLine($"[onnxruntime] threads={threads} INFER {spec.Name} batch={batch} (OrtValue, preallocated): {peer.Format("us/call")} -> {Math.Round(batch / (peer.Median / 1e6))} samples/s (max |ours - ort| = {difference:E1})");
        }
    }

    /// <summary>Runs the figures' paths (JIT warm-up).</summary>
    public static void WarmUp()
    {
        Model model = BenchmarkModel.Cnn.CreateCompiled();
        foreach (int b in new[] { 1, 32 })
        {
            (float[] x, float[] y) = BenchmarkModel.Cnn.Batch(b);
            var output = new float[b * BenchmarkModel.Cnn.Outputs];
            for (int i = 0; i < 100; i++)
            {
                model.TrainOnBatch(x, y);
                model.Predict(x, output);
            }
        }
    }

    private static float[] Weight(Model model, string path) => model.GetWeight(path).ToArray();

    private static string Percent(double flops, StepStats stats, double peak) => $"{100 * flops / (stats.Median * 1e3) / peak:F1}%";
}

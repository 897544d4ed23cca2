using StaticKeras.Benchmarks.Figures;
using StaticKeras.Benchmarks.Onnx;

namespace StaticKeras.Benchmarks.Cnn;

/// <summary>
/// The peer CNN (<see cref="KernelCnn"/>): an Adam training step at batch 32 and predictions at
/// batch 1 and 128, in the peer harness's line format, with the convolutions' share of the FMA
/// peak measured in the same run (counted in a direct convolution's FLOPs, so Winograd's fewer
/// multiplies can pass 100%); then ONNX Runtime predicting the same model with the same weights.
/// </summary>
public static class CnnFigures
{
    private const int TrainBatch = 32;
    private static readonly (int Batch, int Warmup, int Samples)[] Predictions = [(1, 300, 2000), (128, 10, 60)];

    public static void Run(int threads, double peak)
    {
        var cnn = new KernelCnn(TrainBatch);
        (float[] x, float[] y) = KernelCnn.Batch(TrainBatch);
        float loss = 0;
        ModelFigures.Settle();
        StepStats train = StepTimer.Time(() => loss = cnn.TrainStep(x, y), 30, 200);

        // Forward, the kernel gradients of both convolutions and the input gradient of the second.
        double flops = 2.0 * TrainBatch * ((3 * ConvFigures.Convolutions[1].Geometry.MultiplyAdds) + (2 * ConvFigures.Convolutions[0].Geometry.MultiplyAdds));
        System.Console.WriteLine($"[statickeras] threads={threads} TRAIN {KernelCnn.Name} Adam batch={TrainBatch}: {train.Format("us/step")} -> {Math.Round(TrainBatch / (train.Median / 1e6))} samples/s (loss after: {loss:F4}, allocated {train.BytesPerCall:0.##} B/step, convolutions at {Percent(flops, train, peak)} of FMA peak {peak:F1} in direct-convolution FLOPs)");

        var outputs = new List<float[]>();
        foreach ((int batch, int warmup, int samples) in Predictions)
        {
            var model = new KernelCnn(batch);
            (float[] input, _) = KernelCnn.Batch(batch);
            var ours = new float[batch * KernelCnn.Classes];
            ModelFigures.Settle();
            StepStats stats = StepTimer.Time(() => model.Predict(input, ours, batch), warmup, samples);
            outputs.Add(ours);
            double forward = 2.0 * batch * KernelCnn.ConvolutionMultiplyAdds;
            System.Console.WriteLine($"[statickeras] threads={threads} INFER {KernelCnn.Name} batch={batch}: {stats.Format("us/call")} -> {Math.Round(batch / (stats.Median / 1e6))} samples/s (allocated {stats.BytesPerCall:0.##} B/call, convolutions at {Percent(forward, stats, peak)} of FMA peak {peak:F1} in direct-convolution FLOPs)");
        }

        // After ours, as ModelFigures does: ONNX Runtime's threads keep spinning after its calls.
        var w = new KernelCnn(1).Weights();
        using var ort = new OrtPredictor(OnnxWriter.Cnn(KernelCnn.Name, w.Kernel1, w.Bias1, w.Kernel2, w.Bias2, w.DenseKernel, w.DenseBias), KernelCnn.Classes, [1, 28, 28], threads);
        for (int f = 0; f < Predictions.Length; f++)
        {
            (int batch, int warmup, int samples) = Predictions[f];
            (float[] input, _) = KernelCnn.Batch(batch);
            using OrtPredictor.Batch run = ort.Prepare(input, batch);
            ModelFigures.Settle();
            StepStats peer = StepTimer.Time(run.Run, warmup, samples);
            double difference = outputs[f].Zip(run.Output.ToArray(), (a, b) => Math.Abs(a - b)).Max();
            System.Console.WriteLine($"[onnxruntime] threads={threads} INFER {KernelCnn.Name} batch={batch} (OrtValue, preallocated): {peer.Format("us/call")} -> {Math.Round(batch / (peer.Median / 1e6))} samples/s (max |ours - ort| = {difference:E1})");
        }
    }

    private static string Percent(double flops, StepStats stats, double peak) => $"{100 * flops / (stats.Median * 1e3) / peak:F1}%";
}

using System.Diagnostics;
using System.Numerics.Tensors;

namespace AotInference;

/// <summary>
/// <c>predict</c>: what a deployed model does. Loads the weights and classifies one image (timed
/// from process start), then classifies the whole test set and measures steady-state latency.
/// </summary>
internal static class PredictCommand
{
    /// <summary>Runs the prediction report; with <paramref name="firstOnly"/>, stops after the first prediction.</summary>
    public static int Run(string weightsPath, bool firstOnly)
    {
        var main = Stopwatch.StartNew();
        Console.WriteLine(SimdReport.Describe());

        var model = new Digits(seed: 0);
        model.LoadWeights(weightsPath);
        Span<float> probabilities = stackalloc float[10];
        model.Predict(SampleData.FirstTestImage(), probabilities);
        double firstMs = main.Elapsed.TotalMilliseconds;
        double sinceStartMs = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        Console.WriteLine($"first prediction: {TensorPrimitives.IndexOfMax(probabilities)}; {firstMs:0.0} ms after Main, about {sinceStartMs:0} ms after process start");
        if (firstOnly)
        {
            return 0;
        }

        var (images, labels) = SampleData.Test();
        float[] all = model.Predict(images, batchSize: 256);
        int correct = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            correct += TensorPrimitives.IndexOfMax(all.AsSpan(i * 10, 10)) == labels[i] ? 1 : 0;
        }

        Console.WriteLine($"test set: accuracy {(double)correct / labels.Length:0.0000} on {labels.Length} images");
        Latency.Report(model, images);
        return 0;
    }
}

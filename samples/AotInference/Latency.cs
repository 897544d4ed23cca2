using System.Diagnostics;

namespace AotInference;

/// <summary>Steady-state prediction latency: one image (a request) and a batch of 256 (throughput).</summary>
internal static class Latency
{
    private const int ImageSize = 28 * 28;

    /// <summary>Warms up, then prints the median and 99th percentile of both measurements.</summary>
    public static void Report(Digits model, float[] images)
    {
        // A full second of warm-up: the JIT recompiles hot methods (tier 1, with profile data) in
        // the background only after they have run a while; native AOT code is final from the start.
        var output = new float[256 * 10];
        var warmUp = Stopwatch.StartNew();
        for (int i = 0; warmUp.ElapsedMilliseconds < 1000; i++)
        {
            model.Predict(images.AsSpan(0, (i % 2 == 0 ? 1 : 256) * ImageSize), output);
        }

        Console.WriteLine($"latency, one image: {Measure(model, images, 1, 20_000, output)}");
        Console.WriteLine($"latency, batch of 256: {Measure(model, images, 256, 200, output)}");
    }

    private static string Measure(Digits model, float[] images, int batch, int calls, float[] output)
    {
        int batches = images.Length / (batch * ImageSize);
        var ticks = new long[calls];
        for (int i = 0; i < calls; i++)
        {
            ReadOnlySpan<float> x = images.AsSpan((i % batches) * batch * ImageSize, batch * ImageSize);
            long start = Stopwatch.GetTimestamp();
            model.Predict(x, output);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        Array.Sort(ticks);
        double toMicroseconds = 1e6 / Stopwatch.Frequency;
        return $"median {ticks[calls / 2] * toMicroseconds:0.0} us, p99 {ticks[calls * 99 / 100] * toMicroseconds:0.0} us over {calls} calls";
    }
}

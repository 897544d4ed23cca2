using System.Diagnostics;

namespace StaticKeras.Benchmarks.Figures;

/// <summary>
/// Times each call alone after a warm-up, as the peer harness does, and reports the median with
/// the spread, plus the bytes the process allocated per call.
/// </summary>
public static class StepTimer
{
    public static StepStats Time(Action step, int warmup, int samples)
    {
        for (int i = 0; i < warmup; i++)
        {
            step();
        }

        var times = new double[samples];
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < samples; i++)
        {
            long start = Stopwatch.GetTimestamp();
            step();
            // Raw ticks, not a TimeSpan: its 100 ns resolution would round a sub-microsecond step.
            times[i] = (Stopwatch.GetTimestamp() - start) * 1e6 / Stopwatch.Frequency;
        }

        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Array.Sort(times);
        return new StepStats(Median(times), times[0], times[^1], samples, (double)allocated / samples);
    }

    public static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]);
}

/// <summary>One figure's times in microseconds, and bytes allocated per call.</summary>
public readonly record struct StepStats(double Median, double Min, double Max, int Samples, double BytesPerCall)
{
    /// <summary>The peer harness's format: <c>median 120.5 us/step (min .., max .., n=..)</c>.</summary>
    public string Format(string unit) =>
        $"median {Math.Round(Median, 4)} {unit} (min {Math.Round(Min, 4)}, max {Math.Round(Max, 4)}, n={Samples})";
}

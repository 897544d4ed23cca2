using System.Globalization;
using System.Text.RegularExpressions;

namespace StaticKeras.Benchmarks.Figures;

/// <summary>
/// Pairs figure lines from any number of logs (ours, ONNX Runtime's, the TorchSharp harness's):
/// for each figure, the median over runs of each tool's median, and our time as a ratio to the
/// peer's. Prints a Markdown table, the one in the README's Performance section.
/// </summary>
public static partial class PairMode
{
    public static int Run(string[] logs)
    {
        var medians = new Dictionary<(string Tool, string Figure), List<double>>();
        var gemm = new SortedDictionary<string, List<(double Gflops, double Percent)>>(StringComparer.Ordinal);
        foreach (string log in logs)
        {
            foreach (string line in File.ReadLines(log))
            {
                Match g = GemmLine().Match(line);
                if (g.Success)
                {
                    string key = $"threads={g.Groups["threads"].Value} {g.Groups["kind"].Value} {g.Groups["size"].Value}";
                    if (!gemm.TryGetValue(key, out var list))
                    {
                        gemm[key] = list = [];
                    }

                    list.Add((double.Parse(g.Groups["gflops"].Value, CultureInfo.InvariantCulture), double.Parse(g.Groups["percent"].Value, CultureInfo.InvariantCulture)));
                }

                Match match = FigureLine().Match(line);
                if (match.Success)
                {
                    string figure = $"threads={match.Groups["threads"].Value} {match.Groups["kind"].Value} {match.Groups["name"].Value}".Trim();
                    var key = (match.Groups["tool"].Value, figure);
                    if (!medians.TryGetValue(key, out List<double>? values))
                    {
                        medians[key] = values = [];
                    }

                    values.Add(double.Parse(match.Groups["median"].Value, CultureInfo.InvariantCulture));
                }
            }
        }

        System.Console.WriteLine("| figure | StaticKeras (µs) | peer | peer (µs) | peer ÷ StaticKeras | runs |");
        System.Console.WriteLine("|---|---|---|---|---|---|");
        foreach (((string tool, string figure), List<double> ours) in medians.Where(m => m.Key.Tool == "statickeras").OrderBy(m => m.Key.Figure, StringComparer.Ordinal))
        {
            foreach (string peer in new[] { "torchsharp", "onnxruntime" })
            {
                if (medians.TryGetValue((peer, figure), out List<double>? theirs))
                {
                    double a = Median(ours), b = Median(theirs);
                    System.Console.WriteLine($"| {figure} | {a:0.###} | {peer} | {b:0.###} | {b / a:0.00}× | {ours.Count}/{theirs.Count} |");
                }
            }
        }

        System.Console.WriteLine();
        System.Console.WriteLine("| GEMM (NN) or convolution product | GFLOP/s | % of FMA peak measured in the same run | runs |");
        System.Console.WriteLine("|---|---|---|---|");
        foreach ((string key, var runs) in gemm)
        {
            System.Console.WriteLine($"| {key} | {Median([.. runs.Select(r => r.Gflops)]):0.0} | {Median([.. runs.Select(r => r.Percent)]):0.0}% | {runs.Count} |");
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        return StepTimer.Median(sorted);
    }

    // "GEMM 256x256x256: ..." and the convolution suite's "CONV conv2 13x13x32->64 forward implicit batch=32: ...".
    [GeneratedRegex(@"^\[statickeras\] threads=(?<threads>\d+) (?<kind>GEMM|CONV) (?<size>[^:]+): .* -> (?<gflops>[\d.]+) GFLOP/s = (?<percent>[\d.]+)% of FMA peak")]
    private static partial Regex GemmLine();

    // "[tool] threads=N TRAIN|INFER <name> batch=B[ (variant)]: median X us/..." ; the TorchSharp
    // harness's inference_mode line is its fair inference figure, so its no_grad and float[] lines are skipped.
    [GeneratedRegex(@"^\[(?<tool>statickeras|torchsharp|onnxruntime)\] threads=(?<threads>\d+) (?<kind>TRAIN|INFER) (?<name>.+? batch=\d+)(?: \((?:OrtValue, preallocated|inference_mode, tensor in)\))?: median (?<median>[\d.]+) us")]
    private static partial Regex FigureLine();
}

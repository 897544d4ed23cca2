using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace StaticKeras.Benchmarks.BuildCost;

/// <summary>
/// Runs the generator on the project, edits a file that holds no model, runs it again, and
/// reports how each tracked step (TrackingNames in the generator) ran the second time. Every
/// step must be Cached or Unchanged: an edit elsewhere must not redo the model's generation.
/// </summary>
public static class IncrementalCheck
{
    // The generator's step names (generators/StaticKeras.Generators/TrackingNames.cs, internal there).
    // Roslyn's own steps (the compilation, attribute lookup) are Modified after any edit, by design.
    private static readonly string[] GeneratorSteps = ["Spec", "Graph", "Plan", "Source"];

    /// <summary>The edited compilation: plain class 0 gains a method.</summary>
    public static Compilation EditOther(Compilation compilation)
    {
        SyntaxTree other = compilation.SyntaxTrees.Single(t => t.ToString().Contains("class Service0", StringComparison.Ordinal));
        return compilation.ReplaceSyntaxTree(other, other.WithChangedText(SourceText.From(FiftyLayerProject.Other(0, edited: true))));
    }

    /// <summary>
    /// Returns one line per step, <c>Graph: Cached×1</c>; throws if any step produced a new value.
    /// Spec reads the attributes again (the compilation it binds against changed) and finds them
    /// equal (Unchanged), so shape inference, planning and emitting are served from the cache.
    /// </summary>
    public static string Run(Compilation compilation)
    {
        GeneratorDriver driver = RoslynComponents.NewDriver(trackSteps: true).RunGenerators(compilation);
        GeneratorRunResult second = driver.RunGenerators(EditOther(compilation)).GetRunResult().Results.Single();

        var lines = new List<string>();
        var rerun = new List<string>();
        var tracked = second.TrackedSteps.Where(s => GeneratorSteps.Contains(s.Key)).Concat(second.TrackedOutputSteps);
        foreach (var (name, steps) in tracked.OrderBy(s => Array.IndexOf(GeneratorSteps, s.Key) is int i and >= 0 ? i : GeneratorSteps.Length))
        {
            var reasons = steps.SelectMany(s => s.Outputs).GroupBy(o => o.Reason).OrderBy(g => g.Key);
            lines.Add($"{name}: {string.Join(", ", reasons.Select(g => $"{g.Key}×{g.Count()}"))}");
            if (steps.SelectMany(s => s.Outputs).Any(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)))
            {
                rerun.Add(name);
            }
        }

        string report = string.Join(Environment.NewLine, lines);
        if (rerun.Count > 0 || lines.Count != GeneratorSteps.Length + 1)
        {
            throw new InvalidOperationException($"An edit outside the model re-ran generator steps {string.Join(", ", rerun)}:{Environment.NewLine}{report}");
        }

        return report;
    }
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StaticKeras.Analyzers;

namespace StaticKeras.Testing;

/// <summary>Runs the generator and then every StaticKeras analyzer, as a build does, and checks markup expectations.</summary>
public static class AnalyzerRun
{
    /// <summary>Every StaticKeras analyzer.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(ModelDeclarationAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>All diagnostics of a build of <paramref name="sources"/>: compiler errors and warnings, and every analyzer's.</summary>
    public static ImmutableArray<Diagnostic> Diagnostics(params string[] sources)
    {
        GeneratorRun run = GeneratorRun.Run(sources);
        var withAnalyzers = run.Output.WithAnalyzers(Analyzers);
        ImmutableArray<Diagnostic> analyzer = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return [.. run.GeneratorDiagnostics, .. TestCompilation.Problems(run.Output), .. analyzer];
    }

    /// <summary>
    /// Asserts that a build of the marked-up source reports exactly the marked diagnostics, at
    /// exactly the marked spans, and nothing else: no other SK diagnostic and no compiler error
    /// (a cascade of CS errors would mean the generator emitted something that does not compile).
    /// </summary>
    public static IReadOnlyList<Diagnostic> Verify(string markup)
    {
        (string source, IReadOnlyList<(string Id, Microsoft.CodeAnalysis.Text.TextSpan Span)> expected) = Markup.Parse(markup);
        var actual = Diagnostics(source)
            .Where(d => d.Location.IsInSource && d.Location.SourceTree!.FilePath == "Model0.cs" || d.Severity == DiagnosticSeverity.Error)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToList();
        string Describe(IEnumerable<(string Id, Microsoft.CodeAnalysis.Text.TextSpan Span)> items) =>
            string.Join("\n", items.Select(e => $"  {e.Id} at {e.Span} '{Text(source, e.Span)}'"));
        var got = actual.Select(d => (d.Id, d.Location.SourceSpan)).ToList();
        Xunit.Assert.True(
            got.SequenceEqual(expected),
            $"Expected:\n{Describe(expected)}\nActual:\n{Describe(got)}\nMessages:\n{string.Join("\n", actual.Select(d => "  " + d))}");
        return actual;
    }

    private static string Text(string source, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        span.End <= source.Length ? source.Substring(span.Start, span.Length) : "?";
}

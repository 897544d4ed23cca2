using System.Reflection;
using Microsoft.CodeAnalysis;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Analyzers.Tests;

/// <summary>The catalog of diagnostics: unique IDs in their ranges, a help page each, release tracking, every shape error mapped.</summary>
public sealed class DescriptorTests
{
    private static readonly string Repository = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    private static IReadOnlyList<DiagnosticDescriptor> All() => typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToList();

    [Fact]
    public void Ids_are_unique_and_in_their_family_range()
    {
        var all = All();
        Assert.Equal(all.Count, all.Select(d => d.Id).Distinct().Count());
        Assert.All(all, d => Assert.Matches(d.Category switch
        {
            "StaticKeras.Shapes" => "^SK1\\d{3}$",
            "StaticKeras.Declaration" => "^SK2\\d{3}$",
            _ => "^SK3\\d{3}$",
        }, d.Id));
        // Everything is an error but the export warning: a model ONNX cannot express is still a good model.
        Assert.All(all, d => Assert.Equal(d.Id == "SK3004" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, d.DefaultSeverity));
    }

    [Fact]
    public void Every_diagnostic_has_a_help_page_in_the_repository()
    {
        foreach (DiagnosticDescriptor d in All())
        {
            Assert.EndsWith($"/analyzers/docs/{d.Id}.md", d.HelpLinkUri);
            string page = Path.Combine(Repository, "analyzers", "docs", d.Id + ".md");
            Assert.True(File.Exists(page), $"{d.Id} has no help page at {page}");
            Assert.StartsWith($"# {d.Id}: ", File.ReadAllText(page));
        }
    }

    [Fact]
    public void Every_diagnostic_is_in_the_release_tracking_files()
    {
        string tracked = File.ReadAllText(Path.Combine(Repository, "analyzers", "StaticKeras.Analyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(Repository, "analyzers", "StaticKeras.Analyzers", "AnalyzerReleases.Shipped.md"));
        Assert.All(All(), d => Assert.Contains(d.Id + " |", tracked));
    }

    [Fact]
    public void Every_shape_error_kind_has_its_own_descriptor()
    {
        var kinds = Enum.GetValues<ErrorKind>();
        Assert.Equal(kinds.Length, kinds.Select(DiagnosticDescriptors.For).Distinct().Count());
    }

    [Fact]
    public void Every_analyzer_reports_only_descriptors_of_the_catalog()
    {
        var catalog = All().ToHashSet();
        Assert.All(Testing.AnalyzerRun.Analyzers.SelectMany(a => a.SupportedDiagnostics), d => Assert.Contains(d, catalog));
        Assert.Equal(catalog.Count, Testing.AnalyzerRun.Analyzers.SelectMany(a => a.SupportedDiagnostics).Distinct().Count());
    }
}

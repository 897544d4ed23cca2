using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StaticKeras.Testing;

namespace StaticKeras.Generators.Tests;

/// <summary>
/// The generator caches: an edit elsewhere leaves every model step Cached or Unchanged, and the
/// pipeline values hold nothing that roots a compilation (symbols, syntax, locations).
/// </summary>
public sealed class IncrementalityTests
{
    private static readonly string[] ModelSteps = [TrackingNames.Spec, TrackingNames.Graph, TrackingNames.Plan, TrackingNames.Source];

    [Fact]
    public void An_edit_in_another_file_reruns_nothing()
    {
        CSharpCompilation compilation = TestCompilation.Create(ModelSources.Read("Mlp"), "class Other { }");
        GeneratorRun first = GeneratorRun.Run(compilation);
        SyntaxTree other = compilation.SyntaxTrees[1];
        Compilation edited = compilation.ReplaceSyntaxTree(other, other.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("class Other { int x; }")));
        GeneratorRun second = GeneratorRun.Run(edited, first.Driver);
        AssertAllCachedOrUnchanged(second);
    }

    [Fact]
    public void A_comment_edit_in_the_model_file_stops_at_the_spec()
    {
        CSharpCompilation compilation = TestCompilation.Create(ModelSources.Read("Residual"));
        GeneratorRun first = GeneratorRun.Run(compilation);
        SyntaxTree tree = compilation.SyntaxTrees[0];
        Compilation edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("// a new comment\n" + tree.GetText())));
        GeneratorRun second = GeneratorRun.Run(edited, first.Driver);

        IncrementalStepRunReason specReason = Steps(second, TrackingNames.Spec).SelectMany(s => s.Outputs).Single().Reason;
        Assert.Equal(IncrementalStepRunReason.Unchanged, specReason);
        AssertAllCachedOrUnchanged(second);
    }

    [Fact]
    public void Changing_a_layer_reruns_the_model()
    {
        CSharpCompilation compilation = TestCompilation.Create(ModelSources.Read("Mlp"));
        GeneratorRun first = GeneratorRun.Run(compilation);
        SyntaxTree tree = compilation.SyntaxTrees[0];
        Compilation edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(tree.GetText().ToString().Replace("Dense(128", "Dense(64"))));
        GeneratorRun second = GeneratorRun.Run(edited, first.Driver);
        Assert.Equal(IncrementalStepRunReason.Modified, Steps(second, TrackingNames.Source).SelectMany(s => s.Outputs).Single().Reason);
        Assert.Contains("(784, 64)", second.Sources["Demo.Mlp.Forward.g.cs"]);
    }

    [Fact]
    public void Pipeline_values_hold_no_symbols_syntax_compilations_or_locations()
    {
        GeneratorRun run = GeneratorRun.Run(ModelSources.Names().Select(ModelSources.Read).ToArray());
        foreach (string step in ModelSteps)
        {
            foreach (IncrementalGeneratorRunStep s in Steps(run, step))
            {
                foreach ((object value, _) in s.Outputs)
                {
                    AssertNoRoslynObjects(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    [Fact]
    public void The_walker_finds_a_location_hidden_in_an_array_in_a_record()
    {
        var holder = new Holder([new Holder([], Location.None)], null);
        Assert.ThrowsAny<Exception>(() => AssertNoRoslynObjects(holder, "holder", new HashSet<object>(ReferenceEqualityComparer.Instance)));
    }

    private sealed record Holder(Holder[] Children, object? Payload);

    private static IEnumerable<IncrementalGeneratorRunStep> Steps(GeneratorRun run, string name) =>
        run.Driver.GetRunResult().Results.Single().TrackedSteps.TryGetValue(name, out var steps) ? steps : [];

    private static void AssertAllCachedOrUnchanged(GeneratorRun run)
    {
        foreach (string step in ModelSteps)
        {
            var outputs = Steps(run, step).SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"step {step} was {o.Reason}"));
        }
    }

    private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Compilation or Location or SemanticModel or SyntaxTree, $"{path} holds a {value.GetType().Name}");
        if (value is Array items)
        {
            for (int i = 0; i < items.Length; i++)
            {
                AssertNoRoslynObjects(items.GetValue(i), $"{path}[{i}]", seen);
            }

            return;
        }

        foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), $"{path}.{field.Name}", seen);
        }
    }
}

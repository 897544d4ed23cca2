using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using StaticKeras.Analyzers;
using StaticKeras.Generators;
using StaticKeras.Testing;

namespace StaticKeras.Benchmarks.BuildCost;

/// <summary>What a build of a StaticKeras project adds to the compiler: the generator and every analyzer, as the package ships them.</summary>
public static class RoslynComponents
{
    /// <summary>Every <see cref="DiagnosticAnalyzer"/> in the analyzer assembly (found by reflection, so a new one is measured too).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
    [
        .. typeof(ModelDeclarationAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t, nonPublic: true)!),
    ];

    /// <summary>A fresh driver: nothing cached, as in a command-line build. Step tracking costs time, so timing runs leave it off.</summary>
    public static GeneratorDriver NewDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new ModelGenerator().AsSourceGenerator()],
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackSteps));
}

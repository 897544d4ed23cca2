using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StaticKeras.Testing;

namespace StaticKeras.Benchmarks.BuildCost;

/// <summary>
/// What StaticKeras adds to a build of a project with a 50-layer model, in process, as a warm
/// compiler server runs it (`dotnet run -c Release --project tests/StaticKeras.Benchmarks --
/// --filter '*BuildCost*'`). Each call compiles a fresh copy (<c>Compilation.Clone</c>), so no
/// bound state carries over, and the generator starts from an empty cache, as in a full build.
/// <list type="bullet">
/// <item>generator: <see cref="CompileWithGenerator"/> − <see cref="Compile"/> (running it and compiling what it emits);</item>
/// <item>analyzers: <see cref="BindAndAnalyze"/> − <see cref="Bind"/>. The compiler runs analyzers on
/// the binding it makes anyway; in process, that binding is measured alone so it can be subtracted.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 30)]
public class BuildCostBenchmarks
{
    private Compilation project = null!;
    private Compilation generated = null!;
    private Compilation edited = null!;
    private GeneratorDriver warmDriver = null!;

    /// <summary>Builds the compilations and checks (and prints) the tracked steps after an unrelated edit.</summary>
    [GlobalSetup]
    public void Setup()
    {
        project = TestCompilation.Create(FiftyLayerProject.All());
        RoslynComponents.NewDriver().RunGeneratorsAndUpdateCompilation(project, out generated, out _);
        ThrowOnErrors(generated.GetDiagnostics());
        edited = IncrementalCheck.EditOther(project);
        warmDriver = RoslynComponents.NewDriver().RunGenerators(project);
        Console.WriteLine($"// {FiftyLayerProject.Layers}-layer model; tracked generator steps after an edit outside it:{Environment.NewLine}// "
            + IncrementalCheck.Run(project).Replace(Environment.NewLine, Environment.NewLine + "// "));
    }

    /// <summary>The project compiled without StaticKeras's compiler extensions.</summary>
    [Benchmark(Baseline = true)]
    public bool Compile() => Emit(project.Clone());

    /// <summary>The generator from an empty cache, then the project and the generated passes compiled.</summary>
    [Benchmark]
    public bool CompileWithGenerator()
    {
        RoslynComponents.NewDriver().RunGeneratorsAndUpdateCompilation(project.Clone(), out Compilation output, out _);
        return Emit(output);
    }

    /// <summary>The generator alone, from an empty cache: read, infer shapes, plan, emit text, parse it.</summary>
    [Benchmark]
    public int Generator()
    {
        RoslynComponents.NewDriver().RunGeneratorsAndUpdateCompilation(project.Clone(), out Compilation output, out _);
        return output.SyntaxTrees.Count();
    }

    /// <summary>The generator after an edit to a file without a model: every model step is served from the cache.</summary>
    [Benchmark]
    public int GeneratorAfterUnrelatedEdit() => warmDriver.RunGenerators(edited.Clone()).GetRunResult().GeneratedTrees.Length;

    /// <summary>The generated project's compiler diagnostics: the binding analyzers work on.</summary>
    [Benchmark]
    public int Bind() => generated.Clone().GetDiagnostics().Length;

    /// <summary>The same binding with every StaticKeras analyzer attached, as the compiler runs them.</summary>
    [Benchmark]
    public int BindAndAnalyze() =>
        generated.Clone().WithAnalyzers(RoslynComponents.Analyzers).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    private static bool Emit(Compilation compilation)
    {
        var result = compilation.Emit(Stream.Null);
        ThrowOnErrors(result.Diagnostics);
        return result.Success;
    }

    private static void ThrowOnErrors(IEnumerable<Diagnostic> diagnostics)
    {
        Diagnostic[] errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException("The benchmark project does not compile:\n" + string.Join("\n", errors));
        }
    }
}

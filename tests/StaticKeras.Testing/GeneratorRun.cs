using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StaticKeras.Generators;

namespace StaticKeras.Testing;

/// <summary>Runs the StaticKeras generator over a compilation, as the compiler does, and keeps what it made.</summary>
public sealed class GeneratorRun
{
    private GeneratorRun(GeneratorDriver driver, Compilation input, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        Driver = driver;
        Input = input;
        Output = output;
        GeneratorDiagnostics = generatorDiagnostics;
    }

    /// <summary>The driver (keep it to run again incrementally).</summary>
    public GeneratorDriver Driver { get; }

    /// <summary>The user's compilation.</summary>
    public Compilation Input { get; }

    /// <summary>The compilation with the generated sources added.</summary>
    public Compilation Output { get; }

    /// <summary>Diagnostics the generator itself produced (it should produce none: CS8785 would mean it threw).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>The generated files by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources =>
        Driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>Runs the generator, with step tracking on unless <paramref name="fast"/> (which also skips doc comments).</summary>
    public static GeneratorRun Run(Compilation compilation, GeneratorDriver? driver = null, bool fast = false)
    {
        driver ??= CSharpGeneratorDriver.Create(
            [new ModelGenerator().AsSourceGenerator()],
            parseOptions: fast ? TestCompilation.FastParseOptions : TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: !fast));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new GeneratorRun(driver, compilation, output, diagnostics);
    }

    /// <summary>Runs the generator on <paramref name="sources"/>.</summary>
    public static GeneratorRun Run(params string[] sources) => Run(TestCompilation.Create(sources));

    /// <summary>Emits the output compilation and loads it; fails with the compiler's errors if it does not compile.</summary>
    public Assembly Load()
    {
        using var stream = new MemoryStream();
        var result = Output.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("Generated code does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return Assembly.Load(stream.ToArray());
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using StaticKeras.Testing;
using Xunit.Abstractions;

namespace StaticKeras.Analyzers.Tests.Fuzz;

/// <summary>
/// 10,000 random and malformed model declarations through the generator and every analyzer, as a
/// build runs them, with user layers, activations and blocks (<see cref="FuzzModules"/>) among
/// their layers, good and broken. For each: the generator does not throw (no CS8785) and its output never holds
/// an error (no cascade); a model built to be valid gets no diagnostic at all; any other model
/// either compiles cleanly, gets at least one SK error, or has only the user's own CS errors in
/// its attributes (a wrong argument type). A sample of the models that compile is run.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Models = 10_000;
    private const int PerCompilation = 250;

    [Fact]
    public void Ten_thousand_random_declarations_never_crash_or_cascade()
    {
        var clock = Stopwatch.StartNew();
        TimeSpan cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var random = new RandomModels(seed: 2026);
        RandomModel[] models = Enumerable.Range(0, Models).Select(random.Next).ToArray();
        var clean = new ConcurrentBag<RandomModel>();
        var counts = new ConcurrentDictionary<string, int>();
        Parallel.ForEach(models.Chunk(PerCompilation), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, batch =>
        {
            foreach ((RandomModel model, string outcome) in Check(batch))
            {
                counts.AddOrUpdate(outcome, 1, (_, n) => n + 1);
                if (outcome == "compiles")
                {
                    clean.Add(model);
                }
            }
        });

        double checkedIn = clock.Elapsed.TotalSeconds;
        int ran = RunSample(clean.OrderBy(m => int.Parse(m.ClassName[1..])).Where((_, i) => i % 10 == 0).ToArray());
        output.WriteLine($"{Models} declarations checked in {checkedIn:0.0} s: {string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"))}; ran {ran} in {clock.Elapsed.TotalSeconds - checkedIn:0.0} s; {(Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds:0} s of CPU.");
        Assert.Equal(Models, counts.Values.Sum());
        Assert.True(counts.GetValueOrDefault("SK error") > 1000, "The fuzzer should produce plenty of invalid models.");
        Assert.True(counts.GetValueOrDefault("compiles") > 3000, "The fuzzer should produce plenty of valid models.");
    }

    private static IEnumerable<(RandomModel Model, string Outcome)> Check(RandomModel[] batch)
    {
        CSharpCompilation compilation = TestCompilation.Create(TestCompilation.FastParseOptions, [.. batch.Select(m => m.Source), FuzzModules.Source]);
        GeneratorRun run = GeneratorRun.Run(compilation, fast: true);
        if (run.Driver.GetRunResult().Results.Select(r => r.Exception).FirstOrDefault(e => e is not null) is { } exception)
        {
            // Narrow the failure down to one declaration for the message.
            RandomModel culprit = batch.FirstOrDefault(m => GeneratorRun.Run(m.Source, FuzzModules.Source).Driver.GetRunResult().Results.Any(r => r.Exception is not null)) ?? batch[0];
            Assert.Fail($"The generator threw on:\n{culprit.Source}\n{exception}");
        }

        Assert.Empty(run.GeneratorDiagnostics);

        var analyzers = run.Output.WithAnalyzers(AnalyzerRun.Analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        // One binding pass for the compiler's and the analyzers' diagnostics together.
        Diagnostic[] diagnostics = [.. analyzers.GetAllDiagnosticsAsync().Result];
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");

        var byFile = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("SK", StringComparison.Ordinal))
            .ToLookup(d => d.Location.SourceTree?.FilePath ?? string.Empty);
        foreach (Diagnostic d in diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true))
        {
            int index = int.Parse(System.Text.RegularExpressions.Regex.Match(d.Location.SourceTree!.FilePath, @"M(\d+)\.").Groups[1].Value);
            Assert.Fail($"Generated code has an error (a cascade): {d}\n{batch.First(m => m.ClassName == "M" + index).Source}\n{Source(batch, d)}");
        }

        for (int i = 0; i < batch.Length; i++)
        {
            RandomModel model = batch[i];
            Diagnostic[] own = byFile[$"Model{i}.cs"].ToArray();
            if (model.ValidByConstruction)
            {
                Assert.True(own.Length == 0, $"A valid model got diagnostics:\n{string.Join("\n", own)}\n{model.Source}");
                yield return (model, "compiles");
            }
            else if (own.Any(d => d.Id.StartsWith("SK", StringComparison.Ordinal)))
            {
                yield return (model, "SK error");
            }
            else if (own.Length == 0)
            {
                yield return (model, "compiles");
            }
            else
            {
                // Only the user's own binding errors (CS) are allowed here, and only inside the layer attributes.
                Assert.All(own, d => Assert.True(d.Id.StartsWith("CS", StringComparison.Ordinal) && IsInAttribute(d), $"Unexpected: {d}\n{model.Source}"));
                yield return (model, "user CS error");
            }
        }
    }

    /// <summary>Compiles the clean models together, then builds, predicts and trains one step with each.</summary>
    private static int RunSample(RandomModel[] models)
    {
        System.Reflection.Assembly assembly = GeneratorRun.Run([.. models.Select(m => m.Source), FuzzModules.Source]).Load();
        int ran = 0;
        foreach (RandomModel m in models.Where(m => assembly.GetType(m.ClassName)?.IsSubclassOf(typeof(Model)) == true))
        {
            // Constants the generator put on the class say whether the model fits a test's memory.
            long size = Constant(assembly, m, "ParameterCount") + (Constant(assembly, m, "TrainingWorkspaceBytesPerSample") / 4);
            if (size > 4_000_000)
            {
                continue;
            }

            ran++;
            var model = (Model)Activator.CreateInstance(assembly.GetType(m.ClassName)!, (int?)1)!;
            int batch = 3;
            float[] x = FiniteDifferences.Random(batch * model.Definition.InputSize, 1);
            float[] y = model.Predict(x);
            Assert.Equal(batch * model.Definition.OutputSize, y.Length);
            Assert.All(y, v => Assert.True(float.IsFinite(v), $"{m.ClassName} predicted {v}\n{m.Source}"));
            model.Compile(new SGD(learningRate: 1e-3f), Losses.MeanSquaredError);
            model.TrainOnBatch(x, new float[y.Length]);
        }

        return ran;
    }

    private static long Constant(System.Reflection.Assembly assembly, RandomModel m, string name) =>
        Convert.ToInt64(assembly.GetType(m.ClassName)!.GetField(name)!.GetRawConstantValue());

    private static bool IsInAttribute(Diagnostic d) =>
        d.Location.SourceTree!.GetRoot().FindNode(d.Location.SourceSpan).AncestorsAndSelf().Any(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax);

    private static string Source(RandomModel[] batch, Diagnostic d) => d.Location.SourceTree!.GetText().ToString();
}

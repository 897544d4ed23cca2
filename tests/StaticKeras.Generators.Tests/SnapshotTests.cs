using StaticKeras.Testing;

namespace StaticKeras.Generators.Tests;

/// <summary>Every emitted file of every model under Models/, against its snapshot.</summary>
public sealed class SnapshotTests
{
    public static TheoryData<string> Models() => new(ModelSources.Names());

    [Theory]
    [MemberData(nameof(Models))]
    public void Emitted_code_matches_the_snapshot(string model)
    {
        GeneratorRun run = GeneratorRun.Run(ModelSources.Read(model));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotEmpty(run.Sources);
        foreach ((string hint, string source) in run.Sources.OrderBy(s => s.Key))
        {
            Snapshot.Match(hint.Replace(".g.cs", string.Empty), source);
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Emitted_code_compiles_without_warnings(string model)
    {
        GeneratorRun run = GeneratorRun.Run(ModelSources.Read(model));
        Assert.Empty(TestCompilation.Problems(run.Output));
    }
}

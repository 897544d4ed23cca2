using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StaticKeras.Testing;

/// <summary>In-memory C# compilations against .NET 10 and the StaticKeras runtime, as a user's project would be.</summary>
public static class TestCompilation
{
    /// <summary>The parse options of a .NET 10 project (C# 14).</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    /// <summary>The same without parsing doc comments, for tests that compile thousands of models and read no docs.</summary>
    public static readonly CSharpParseOptions FastParseOptions = ParseOptions.WithDocumentationMode(DocumentationMode.None);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(Model).Assembly.Location),
    ];

    /// <summary>A library compilation of <paramref name="sources"/> (file names <c>Model0.cs</c>, ... unless given).</summary>
    public static CSharpCompilation Create(params string[] sources) => Create(ParseOptions, sources);

    /// <summary>A library compilation of <paramref name="sources"/> parsed with <paramref name="options"/>.</summary>
    public static CSharpCompilation Create(CSharpParseOptions options, params string[] sources) =>
        CSharpCompilation.Create(
            "UserModels",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, options, path: $"Model{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Compiler errors and warnings, ignoring hidden and info diagnostics.</summary>
    public static ImmutableArray<Diagnostic> Problems(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
}

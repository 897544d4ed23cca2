using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using StaticKeras.Analyzers.CodeFixes;
using StaticKeras.Testing;

namespace StaticKeras.Analyzers.Tests;

/// <summary>The mechanical fixes: applied in a workspace, the result compiles with no StaticKeras diagnostic left.</summary>
public sealed class CodeFixTests
{
    [Fact]
    public void Make_partial()
    {
        string fixedSource = Fix(new MakePartialCodeFix(), """
            using StaticKeras;
            [Input(2)]
            [Dense(1)]
            public sealed class M;
            """);
        Assert.Contains("public sealed partial class M;", fixedSource);
    }

    [Fact]
    public void Make_partial_without_modifiers()
    {
        Assert.Contains("\npartial class M;", Fix(new MakePartialCodeFix(), "using StaticKeras;\n[Input(2)]\n[Dense(1)]\nclass M;"));
    }

    [Fact]
    public void Rename_an_unknown_input_to_the_closest_name()
    {
        string fixedSource = Fix(new RenameInputCodeFix(), """
            using StaticKeras;
            [Input(2, Name = "x")]
            [Dense(2, Name = "hidden")]
            [Add("x", "hiden")]
            public partial class M;
            """);
        Assert.Contains("[Add(\"x\", \"hidden\")]", fixedSource);
    }

    [Fact]
    public void Insert_the_flatten_the_diagnostic_names()
    {
        string fixedSource = Fix(new InsertLayerCodeFix(), """
            using StaticKeras;
            [Input(28, 28, Name = "image")]
            [Input(10, Name = "features")]
            [Concatenate("image", "features")]
            [Dense(1)]
            public partial class M;
            """);
        Assert.Contains("""
            [Flatten(Input = "image", Name = "image_flatten")]
            [Concatenate("image_flatten", "features")]
            """, fixedSource);
    }

    /// <summary>Applies <paramref name="fix"/> to the first diagnostic it fixes, and checks the result is clean.</summary>
    private static string Fix(CodeFixProvider fix, string source)
    {
        using var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject("User", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithParseOptions(TestCompilation.ParseOptions)
            .WithMetadataReferences(TestCompilation.Create().References);
        Document document = project.AddDocument("Model0.cs", SourceText.From(source));
        Compilation compilation = document.Project.GetCompilationAsync().Result!;
        Diagnostic diagnostic = compilation.WithAnalyzers(AnalyzerRun.Analyzers).GetAnalyzerDiagnosticsAsync().Result
            .First(d => fix.FixableDiagnosticIds.Contains(d.Id));

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        fix.RegisterCodeFixesAsync(context).Wait();
        ImmutableArray<CodeActionOperation> operations = Assert.Single(actions).GetOperationsAsync(CancellationToken.None).Result;
        Solution solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        string result = solution.GetDocument(document.Id)!.GetTextAsync().Result.ToString();

        var after = AnalyzerRun.Diagnostics(result);
        Assert.True(after.All(d => d.Severity < DiagnosticSeverity.Error), "The fixed source still has errors:\n" + string.Join("\n", after) + "\n" + result);
        return result;
    }
}

using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StaticKeras.Analyzers.CodeFixes;

/// <summary>
/// SK1004: inserts the layer the diagnostic names (today <c>[Flatten]</c>) on the input at fault,
/// just above the layer that reads it, and makes that layer read the new one.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsertLayerCodeFix)), Shared]
public sealed class InsertLayerCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("SK1004");

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        Diagnostic diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Fix, out string? layer) || layer is null || root is null
            || root.FindNode(diagnostic.Location.SourceSpan).DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().FirstOrDefault() is not { } literal
            || literal.FirstAncestorOrSelf<AttributeListSyntax>() is not { } list
            || list.Parent is not TypeDeclarationSyntax model)
        {
            return;
        }

        string input = literal.Token.ValueText;
        string name = UniqueName(model, input + "_" + layer.ToLowerInvariant());
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Insert [{layer}] on '{input}'",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(Apply(root, model, list, literal, layer, input, name))),
                nameof(InsertLayerCodeFix) + layer),
            diagnostic);
    }

    private static SyntaxNode Apply(SyntaxNode root, TypeDeclarationSyntax model, AttributeListSyntax list, LiteralExpressionSyntax literal, string layer, string input, string name)
    {
        AttributeListSyntax inserted = SyntaxFactory.ParseCompilationUnit($"[{layer}(Input = \"{input}\", Name = \"{name}\")]\nclass C;")
            .DescendantNodes().OfType<AttributeListSyntax>().First()
            .WithLeadingTrivia(list.GetLeadingTrivia())
            .WithTrailingTrivia(list.GetTrailingTrivia()); // the line ending the file already uses
        int index = model.AttributeLists.IndexOf(list);
        TypeDeclarationSyntax updated = model.ReplaceNode(literal, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name)).WithTriviaFrom(literal));
        updated = updated.WithAttributeLists(updated.AttributeLists.Insert(index, inserted));
        return root.ReplaceNode(model, updated);
    }

    /// <summary>A layer name no attribute on the model uses yet.</summary>
    private static string UniqueName(TypeDeclarationSyntax model, string preferred)
    {
        var used = model.AttributeLists.SelectMany(l => l.Attributes)
            .SelectMany(a => a.ArgumentList?.Arguments ?? default)
            .Where(a => a.NameEquals?.Name.Identifier.ValueText == "Name")
            .Select(a => (a.Expression as LiteralExpressionSyntax)?.Token.ValueText)
            .ToImmutableHashSet();
        string name = preferred;
        for (int n = 1; used.Contains(name); n++)
        {
            name = preferred + "_" + n;
        }

        return name;
    }
}

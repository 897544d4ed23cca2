using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Analyzers;

/// <summary>
/// The base of the usage analyzers (SK3xxx): finds calls of the <c>Model</c> methods a check
/// cares about on models whose graph is valid, and hands each to <see cref="Check"/>. It binds
/// only invocations whose name matches, so it adds little to a build.
/// </summary>
public abstract class ModelUsageAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The <c>Model</c> methods this analyzer checks.</summary>
    private protected abstract ICollection<string> Methods { get; }

    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (ModelCatalog.Create(start.Compilation) is not { } catalog)
            {
                return; // StaticKeras is not referenced.
            }

            start.RegisterSyntaxNodeAction(
                node =>
                {
                    if (ModelCalls.At((InvocationExpressionSyntax)node.Node, node.SemanticModel, catalog, Methods, node.CancellationToken) is { } calls
                        && catalog.Find(calls.Call.Instance?.Type) is { } graph)
                    {
                        Check(node, calls, graph);
                    }
                },
                SyntaxKind.InvocationExpression);
        });
    }

    /// <summary>Checks one call on a model whose graph is valid.</summary>
    private protected abstract void Check(SyntaxNodeAnalysisContext context, ModelCalls calls, ModelGraph graph);
}

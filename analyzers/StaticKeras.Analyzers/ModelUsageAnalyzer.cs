using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Analyzers;

/// <summary>
/// The base of the usage analyzers (SK3xxx): collects each method body's calls on models and
/// hands every call on a valid model to <see cref="Check"/> once the body is complete, so a check
/// can look back at earlier calls (the <c>Compile</c> before a <c>Fit</c>).
/// </summary>
public abstract class ModelUsageAnalyzer : DiagnosticAnalyzer
{
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

            start.RegisterOperationBlockStartAction(block =>
            {
                ModelCalls calls = ModelCalls.Collect(block, catalog);
                block.RegisterOperationBlockEndAction(end =>
                {
                    foreach (IInvocationOperation call in calls.Calls)
                    {
                        if (catalog.Find(call.Instance?.Type) is { } graph)
                        {
                            Check(end, calls, call, graph);
                        }
                    }
                });
            });
        });
    }

    /// <summary>Checks one call of a <c>Model</c> method on a model whose graph is valid.</summary>
    private protected abstract void Check(OperationBlockAnalysisContext context, ModelCalls calls, IInvocationOperation call, ModelGraph graph);
}

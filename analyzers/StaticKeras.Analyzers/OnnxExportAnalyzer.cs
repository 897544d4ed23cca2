using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Analyzers;

/// <summary>
/// Warns at <c>model.ExportOnnx(...)</c> when a layer of the model has no ONNX form (a user layer
/// without an <c>ExportOnnx</c> method, a user activation, a ReLU ONNX cannot write), which the
/// call would throw for at run time (SK3004). A warning, not an error: the model is fine, only
/// the export is not.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OnnxExportAnalyzer : ModelUsageAnalyzer
{
    private static readonly ImmutableHashSet<string> Calls = ImmutableHashSet.Create("ExportOnnx");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.NotExportable);

    private protected override ICollection<string> Methods => Calls;

    private protected override void Check(SyntaxNodeAnalysisContext context, ModelCalls calls, ModelGraph graph)
    {
        if (OnnxExportability.FirstProblem(graph) is var (layer, reason))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.NotExportable,
                calls.Call.Syntax.GetLocation(),
                $"Model '{graph.Type.Name}' cannot be exported to ONNX: layer '{layer.Path}' ({layer.KerasClassName}) {reason}. ExportOnnx will throw OnnxExportException; remove the layer from models you export, or give it an ONNX form."));
        }
    }
}

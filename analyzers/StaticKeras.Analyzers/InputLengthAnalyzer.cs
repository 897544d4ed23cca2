using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Analyzers;

/// <summary>
/// SK3002: a constant-size array passed as <c>x</c> to <c>Predict</c>, <c>Fit</c>,
/// <c>Evaluate</c>, <c>TrainOnBatch</c> or <c>TestOnBatch</c> whose length is not a whole number
/// of samples, which would throw at run time.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InputLengthAnalyzer : ModelUsageAnalyzer
{
    private static readonly ImmutableHashSet<string> InputCalls = ImmutableHashSet.Create("Predict", "Fit", "Evaluate", "TrainOnBatch", "TestOnBatch");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.InputNotWholeSamples);

    private protected override ICollection<string> Methods => InputCalls;

    private protected override void Check(SyntaxNodeAnalysisContext context, ModelCalls calls, ModelGraph graph)
    {
        IInvocationOperation call = calls.Call;
        if (graph.InputLayers.Count != 1)
        {
            return;
        }

        Shape input = graph.Layers[graph.InputLayers[0]].OutputShape;
        int size = input.Size;
        if (calls.ConstantLength(ModelCalls.Argument(call, "x")) is int length && (length == 0 || length % size != 0)
            && ModelCalls.ArgumentLocation(call, "x") is { } location)
        {
            string whole = length < size ? $"not even one sample" : $"{length / size} samples and {length % size} values over";
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InputNotWholeSamples,
                location,
                $"Model '{graph.Type.Name}' expects x of shape {input.ToString().Replace("None", "N")}: {size} values per sample, but this array has {length} values ({whole}). Pass N × {size} values, one sample after another."));
        }
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Analyzers;

/// <summary>
/// Checks losses against the model they train: a loss created from logits on a model that ends
/// in softmax or sigmoid (SK3001), and constant-size labels whose count cannot fit the output
/// under the compiled loss for the constant-size input they come with (SK3003).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LossUsageAnalyzer : ModelUsageAnalyzer
{
    private static readonly ImmutableHashSet<string> LabelledCalls = ImmutableHashSet.Create("Fit", "Evaluate", "TrainOnBatch", "TestOnBatch");

    private static readonly ImmutableHashSet<string> CheckedCalls = LabelledCalls.Add("Compile");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.LogitsLossOnProbabilities, DiagnosticDescriptors.LabelsDoNotFit);

    private protected override ICollection<string> Methods => CheckedCalls;

    private protected override void Check(SyntaxNodeAnalysisContext context, ModelCalls calls, ModelGraph graph)
    {
        IInvocationOperation call = calls.Call;
        if (call.TargetMethod.Name == "Compile")
        {
            CheckLogits(context, call, graph);
        }
        else if (calls.CompileBefore() is { } compile
            && LossDescription.From(ModelCalls.Argument(compile, "loss")) is { } loss)
        {
            CheckLabels(context, calls, call, graph, loss);
        }
    }

    private static void CheckLogits(SyntaxNodeAnalysisContext context, IInvocationOperation compile, ModelGraph graph)
    {
        // The output activation says itself which loss it cancels against (its [KerasActivation]'s LossFusion).
        if (LossDescription.From(ModelCalls.Argument(compile, "loss")) is { FromLogits: true } loss && graph.OutputFusion is "Softmax" or "Sigmoid")
        {
            string activation = graph.OutputActivation!.KerasName;
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.LogitsLossOnProbabilities,
                loss.FromLogitsLocation ?? compile.Syntax.GetLocation(),
                $"Model '{graph.Type.Name}' ends in {activation} ('{graph.Output.Name}'), so its outputs are probabilities, but {loss.TypeName} is created from logits and would apply {activation} again. Drop fromLogits (probabilities are the default), or make the last layer linear."));
        }
    }

    private static void CheckLabels(SyntaxNodeAnalysisContext context, ModelCalls calls, IInvocationOperation call, ModelGraph graph, LossDescription loss)
    {
        Shape output = graph.Output.OutputShape;
        int columns = output.Last, rowsPerSample = output.Size / columns;
        IOperation? y = ModelCalls.Argument(call, "y");
        Location? location = ModelCalls.ArgumentLocation(call, "y");
        if (y is null || location is null)
        {
            return;
        }

        int perSample = loss.IsSparse ? rowsPerSample : output.Size;
        int inputSize = graph.InputLayers.Count == 1 ? graph.Layers[graph.InputLayers[0]].OutputShape.Size : 0;
        if (inputSize > 0 && calls.ConstantLength(ModelCalls.Argument(call, "x")) is int xLength && xLength % inputSize == 0 && xLength > 0
            && calls.ConstantLength(y) is int yLength && yLength != xLength / inputSize * perSample)
        {
            int samples = xLength / inputSize;
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.LabelsDoNotFit,
                location,
                $"x holds {samples} samples, so {loss.TypeName} on output {output} needs {samples} × {perSample} = {samples * perSample} label values, but y has {yLength}. Give {perSample} label value(s) per sample."));
        }
    }
}

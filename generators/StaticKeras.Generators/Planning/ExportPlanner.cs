using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Generators.Planning;

/// <summary>
/// Plans the ONNX export: each layer's descriptor writes its calls on the ONNX writer's layer
/// helpers, in evaluation order, between the graph's inputs and its output. A layer ONNX cannot
/// express makes the whole export a throw naming it, before anything is written.
/// </summary>
internal static class ExportPlanner
{
    public static MethodPlan Plan(ModelGraph graph, IReadOnlyList<ParameterSlot> parameters, SharedRequests shared, out string? problem)
    {
        Dictionary<(int Layer, string Weight), ParameterSlot> weights = parameters.ToDictionary(p => (p.Layer, p.Weight));
        var blocks = new List<PlannedBlock>();
        var uses = new List<string>();
        problem = null;
        foreach (int i in graph.Order)
        {
            LayerNode layer = graph.Layers[i];
            var lowering = new LayerLowering(graph, layer, training: false, _ => false, w => weights[(i, w)].Offset);
            layer.Descriptor.LowerExport(layer.Config, lowering);
            if (lowering.ExportProblem is { } reason)
            {
                problem = $"{layer.Path} ({layer.KerasClassName}): {reason}";
                var thrown = new PlannedCall("global::StaticKeras.Onnx.OnnxExportException.Throw", EquatableArray.Create(LayerLowering.Literal(layer.Path), LayerLowering.Literal(reason)));
                return new MethodPlan(EquatableArray.Create(new PlannedBlock($"{layer.Path} ({layer.KerasClassName}) has no ONNX form", EquatableArray.Create(thrown))), EquatableArray<string>.Empty, false);
            }

            var calls = lowering.ExportOps.Select(op => new PlannedCall(op.Target, op.Arguments.Select(a => Resolve(i, a, weights, shared, lowering, uses)).ToEquatableArray())).ToList();
            blocks.Add(new PlannedBlock($"{layer.Path} ({layer.KerasClassName})", calls.ToEquatableArray()));
        }

        LayerNode output = graph.Output;
        string dims = "[global::StaticKeras.Onnx.OnnxDim.Batch, " + string.Join(", ", output.OutputShape.Dims) + "]";
        blocks.Add(new PlannedBlock("The model's output", EquatableArray.Create(new PlannedCall("graph.AddOutput", EquatableArray.Create(LayerLowering.Literal(output.Path), dims)))));
        return new MethodPlan(blocks.ToEquatableArray(), uses.ToEquatableArray(), false);
    }

    private static string Resolve(int layer, OpArg a, Dictionary<(int, string), ParameterSlot> weights, SharedRequests shared, LayerLowering lowering, List<string> uses)
    {
        string code;
        switch (a.Kind)
        {
            case OpArgKind.Code:
                code = a.Text;
                break;
            case OpArgKind.Weight:
                code = weights[(layer, a.Text)].Variable;
                if (!uses.Contains(code))
                {
                    uses.Add(code);
                }

                break;
            case OpArgKind.Field:
                FieldRequest field = lowering.Fields.First(f => f.Suffix == a.Text);
                code = shared.Field(layer, field.Suffix, field.Type, field.Initializer, field.Comment);
                break;
            case OpArgKind.Format:
                code = string.Format(CultureInfo.InvariantCulture, a.Text, a.Parts!.Select(p => Resolve(layer, p, weights, shared, lowering, uses)).ToArray());
                break;
            default:
                throw new System.InvalidOperationException($"An ONNX export call of layer {layer} refers to {a.Kind}, which the export has no value for.");
        }

        return a.Label is null ? code : a.Label + ": " + code;
    }
}

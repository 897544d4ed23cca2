using System.Linq;
using StaticKeras.Generators.Planning;
using StaticKeras.Modeling.Text;

namespace StaticKeras.Generators.Emit;

internal static partial class ModelEmitter
{
    /// <summary>The ONNX export: each layer's calls on the ONNX writer, from the graph's inputs to its output.</summary>
    private static void EmitOnnx(IndentedTextWriter writer, ModelPlan plan)
    {
        using (writer.WriteBlock($"partial class {plan.Graph.Type.Name}"))
        {
            writer.WriteLine("/// <inheritdoc/>");
            using (writer.WriteBlock("protected override void BuildOnnx(global::StaticKeras.Onnx.OnnxGraphBuilder graph)"))
            {
                writer.WriteLine($"{ReadOnlySpan} parameters = Parameters;");
                var used = new System.Collections.Generic.HashSet<string>(plan.Export.Uses);
                foreach (ParameterSlot p in plan.Parameters.Where(p => used.Contains(p.Variable)))
                {
                    writer.WriteLine($"var {p.Variable} = parameters.Slice({p.Offset}, {p.Size}); // {p.Path}");
                }

                CallWriter.WriteBlocks(writer, plan.Export.Blocks);
            }
        }
    }
}

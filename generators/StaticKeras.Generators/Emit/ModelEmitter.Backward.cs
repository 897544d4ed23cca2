using System.Linq;
using StaticKeras.Generators.Emit.Layers;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Text;
using StaticKeras.Generators.Planning;

namespace StaticKeras.Generators.Emit;

internal static partial class ModelEmitter
{
    /// <summary>The backward pass: every layer in reverse order, from dL/d(output) to every weight's gradient.</summary>
    private static void EmitBackward(IndentedTextWriter writer, ModelPlan plan)
    {
        using (writer.WriteBlock($"partial class {plan.Graph.Type.Name}"))
        {
            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine(OptimizedPass);
            using (writer.WriteBlock($"protected override void Backward({ReadOnlySpan} input, {Span} workspace, int batch, bool outputGradientIsPreActivation)"))
            {
                var pass = new PassWriter(plan, plan.Training, training: true);
                foreach (int i in plan.Graph.Order.Reverse())
                {
                    LayerNode layer = plan.Graph.Layers[i];
                    if (layer.Inputs.Count > 0 && LayerHasGradientWork(plan, layer))
                    {
                        LayerEmitters.For(layer.TypeName).EmitBackward(pass, layer);
                    }
                }

                EmitDeclarations(writer, plan, plan.Training, pass, gradients: true);
                writer.WriteLine(pass.Writer.ToString().TrimEnd('\n'));
            }
        }
    }

    /// <summary>A layer has backward work when it has weights or an input that needs a gradient.</summary>
    private static bool LayerHasGradientWork(ModelPlan plan, LayerNode layer) =>
        layer.Weights.Count > 0 || plan.Training.Layers[layer.Index].InputNeedsGradient.Any(n => n);
}

using System.Linq;
using StaticKeras.Generators.Emit.Layers;
using StaticKeras.Generators.Planning;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Text;

namespace StaticKeras.Generators.Emit;

internal static partial class ModelEmitter
{
    private const string ReadOnlySpan = "global::System.ReadOnlySpan<float>";
    private const string Span = "global::System.Span<float>";

    /// <summary>
    /// On every pass method: compiled fully optimised at its first call instead of through tiered
    /// compilation. A pass is straight-line kernel calls with constant shapes, so the profiling
    /// tiers have nothing to learn, while their unoptimised code (span slicing not inlined) made a
    /// 4-8-1 training step three to five times slower for as long as the tier-1 code took to
    /// arrive, which in a short run or a benchmark was never.
    /// </summary>
    private const string OptimizedPass =
        "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]";

    /// <summary>The training forward pass (keeps what backward needs) and the inference pass (writes the caller's output).</summary>
    private static void EmitForward(IndentedTextWriter writer, ModelPlan plan)
    {
        using (writer.WriteBlock($"partial class {plan.Graph.Type.Name}"))
        {
            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine(OptimizedPass);
            using (writer.WriteBlock($"protected override void ForwardTraining({ReadOnlySpan} input, {Span} workspace, int batch)"))
            {
                PassWriter pass = ForwardBody(plan, plan.Training, training: true);
                EmitDeclarations(writer, plan, plan.Training, pass, gradients: false);
                writer.WriteLine(pass.Writer.ToString().TrimEnd('\n'));
            }

            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine(OptimizedPass);
            using (writer.WriteBlock($"protected override void ForwardInference({ReadOnlySpan} input, {Span} output, {Span} workspace, int batch)"))
            {
                PassWriter pass = ForwardBody(plan, plan.Inference, training: false);
                writer.WriteLine($"output = output.Slice(0, {PassWriter.PerBatch(plan.Graph.Output.OutputShape.Size)});");
                EmitDeclarations(writer, plan, plan.Inference, pass, gradients: false);
                writer.WriteLine(pass.Writer.ToString().TrimEnd('\n'));
            }
        }
    }

    private static PassWriter ForwardBody(ModelPlan plan, PassPlan passPlan, bool training)
    {
        var pass = new PassWriter(plan, passPlan, training);
        foreach (int i in plan.Graph.Order)
        {
            LayerNode layer = plan.Graph.Layers[i];
            if (layer.Inputs.Count > 0)
            {
                LayerEmitters.For(layer.TypeName).EmitForward(pass, layer);
            }
        }

        if (passPlan.CopyOutputFrom.Length > 0)
        {
            pass.Line(string.Empty);
            pass.Line("// The output is an input unchanged: copy it.");
            pass.Line($"{pass.Local(passPlan.CopyOutputFrom)}.CopyTo({(training ? pass.Output(plan.Graph.Output) : "output")});");
        }

        return pass;
    }

    /// <summary>
    /// Declares the locals the body used: weights (and their gradients) as slices of the parameter
    /// buffers, then every buffer as a slice of the input or the workspace, each with its shape.
    /// </summary>
    private static void EmitDeclarations(IndentedTextWriter writer, ModelPlan plan, PassPlan passPlan, PassWriter pass, bool gradients)
    {
        var used = new System.Collections.Generic.HashSet<string>(pass.Used);
        bool anyWeight = plan.Parameters.Any(p => used.Contains(p.Variable));
        bool anyGradient = gradients && plan.Parameters.Any(p => used.Contains(ModelNames.WeightGradient(p.Variable)));
        if (anyWeight)
        {
            writer.WriteLine($"{ReadOnlySpan} parameters = Parameters;");
        }

        if (anyGradient)
        {
            writer.WriteLine($"{Span} gradients = Gradients;");
        }

        foreach (ParameterSlot p in plan.Parameters)
        {
            var dims = plan.Graph.Layers[p.Layer].Weights.First(w => w.Name == p.Weight).Dims;
            string shape = "(" + string.Join(", ", dims) + (dims.Count == 1 ? ",)" : ")");
            string name = plan.Graph.Layers[p.Layer].Name + "/" + p.Weight;
            if (used.Contains(p.Variable))
            {
                writer.WriteLine($"var {p.Variable} = parameters.Slice({p.Offset}, {p.Size}); // {name}: {shape}");
            }

            if (gradients && used.Contains(ModelNames.WeightGradient(p.Variable)))
            {
                writer.WriteLine($"var {ModelNames.WeightGradient(p.Variable)} = gradients.Slice({p.Offset}, {p.Size}); // dL/d({name})");
            }
        }

        foreach (BufferSlot buffer in passPlan.Buffers.Where(b => used.Contains(b.Variable)))
        {
            string source = buffer.Source == BufferSource.Input ? "input" : "workspace";
            writer.WriteLine($"var {buffer.Variable} = {source}.Slice({(buffer.Offset == 0 ? "0" : PassWriter.PerBatch(buffer.Offset))}, {PassWriter.PerBatch(buffer.Size)}); // {buffer.Comment}");
        }
    }
}

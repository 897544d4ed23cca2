using StaticKeras.Generators.Planning;
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
                EmitBody(writer, plan, plan.Training, plan.Training.Forward, gradients: false);
            }

            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine(OptimizedPass);
            using (writer.WriteBlock($"protected override void ForwardInference({ReadOnlySpan} input, {Span} output, {Span} workspace, int batch)"))
            {
                writer.WriteLine($"output = output.Slice(0, {PerBatch(plan.Graph.Output.OutputShape.Size)});");
                EmitBody(writer, plan, plan.Inference, plan.Inference.Forward, gradients: false);
            }

            if (plan.Inference.Prepare is { } prepare)
            {
                writer.WriteLine();
                writer.WriteLine("/// <inheritdoc/>");
                using (writer.WriteBlock("protected override void PrepareDerived()"))
                {
                    EmitBody(writer, plan, plan.Inference, prepare, gradients: false);
                }
            }
        }
    }

    /// <summary>The backward pass: every layer in reverse order, from dL/d(output) to every weight's gradient.</summary>
    private static void EmitBackward(IndentedTextWriter writer, ModelPlan plan)
    {
        using (writer.WriteBlock($"partial class {plan.Graph.Type.Name}"))
        {
            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine(OptimizedPass);
            using (writer.WriteBlock($"protected override void Backward({ReadOnlySpan} input, {Span} workspace, int batch, bool outputGradientIsPreActivation)"))
            {
                EmitBody(writer, plan, plan.Training, plan.Training.Backward!, gradients: true);
            }
        }
    }

    private static void EmitBody(IndentedTextWriter writer, ModelPlan plan, PassPlan pass, MethodPlan method, bool gradients)
    {
        PassDeclarations.Write(writer, plan, pass, method, gradients);
        CallWriter.WriteBlocks(writer, method.Blocks);
    }

    /// <summary>An element count as code: <c>batch</c> or <c>128 * batch</c>.</summary>
    internal static string PerBatch(int perSample) => perSample == 1 ? "batch" : perSample.ToString(System.Globalization.CultureInfo.InvariantCulture) + " * batch";
}

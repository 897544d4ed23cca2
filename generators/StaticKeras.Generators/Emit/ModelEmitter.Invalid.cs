using System.Linq;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Text;

namespace StaticKeras.Generators.Emit;

internal static partial class ModelEmitter
{
    /// <summary>
    /// For a model with errors: the members user code calls, so it still compiles and the build
    /// shows only the analyzer's SK errors, not a cascade of CS errors. Constructing it throws.
    /// </summary>
    private static void EmitInvalid(IndentedTextWriter writer, ModelGraph graph)
    {
        string message = graph.Errors.Count > 0
            ? $"Model '{graph.Type.Name}' cannot be built: {string.Join(" ", graph.Errors.Select(e => e.Message))} (The build reports these as StaticKeras SK errors.)"
            : $"Model '{graph.Type.Name}' cannot be built: its layer attributes do not compile (see the compiler's errors).";
        writer.WriteLine($"/// <summary>The model <c>{graph.Type.Name}</c>, which has declaration errors (see the SK diagnostics).</summary>");
        writer.WriteLine(GeneratedCodeAttribute);
        using (writer.WriteBlock($"partial class {graph.Type.Name} : global::StaticKeras.Model"))
        {
            foreach (string constant in new[] { "InputSize", "OutputSize", "ParameterCount", "TrainingWorkspaceBytesPerSample", "InferenceWorkspaceBytesPerSample" })
            {
                writer.WriteLine("/// <summary>Unknown: the model has errors.</summary>");
                writer.WriteLine($"public const int {constant} = 0;");
                writer.WriteLine();
            }

            writer.WriteLine("/// <summary>Throws: the model has declaration errors.</summary>");
            writer.WriteLine("/// <param name=\"seed\">Unused.</param>");
            writer.WriteLine($"public {graph.Type.Name}(int? seed = null)");
            using (writer.Indent())
            {
                writer.WriteLine($": base(InvalidModel({Literal(message)}), seed)");
            }

            writer.WriteLine("{");
            writer.WriteLine("}");
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine($"protected override void ForwardTraining({ReadOnlySpan} input, {Span} workspace, int batch) => throw new global::System.InvalidOperationException();");
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine($"protected override void Backward({ReadOnlySpan} input, {Span} workspace, int batch, bool outputGradientIsPreActivation) => throw new global::System.InvalidOperationException();");
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine($"protected override void ForwardInference({ReadOnlySpan} input, {Span} output, {Span} workspace, int batch) => throw new global::System.InvalidOperationException();");
        }
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using StaticKeras.Generators.Planning;
using StaticKeras.Modeling.Text;

namespace StaticKeras.Generators.Emit;

/// <summary>
/// Declares the locals a pass method's calls use: weights (and their gradients) as slices of the
/// parameter buffers, random streams, then every buffer as a slice of the input or the workspace,
/// each with its shape. Constant offsets: the plan fixed them at compile time.
/// </summary>
internal static class PassDeclarations
{
    private const string ReadOnlySpan = "global::System.ReadOnlySpan<float>";
    private const string Span = "global::System.Span<float>";

    public static void Write(IndentedTextWriter writer, ModelPlan plan, PassPlan pass, MethodPlan method, bool gradients)
    {
        var used = new HashSet<string>(method.Uses);
        if (plan.Parameters.Any(p => used.Contains(p.Variable)))
        {
            writer.WriteLine($"{(method.WritesParameters ? Span : ReadOnlySpan)} parameters = Parameters;");
        }

        if (gradients && plan.Parameters.Any(p => used.Contains(ModelNames.WeightGradient(p.Variable))))
        {
            writer.WriteLine($"{Span} gradients = Gradients;");
        }

        foreach (ParameterSlot p in plan.Parameters)
        {
            string shape = "(" + string.Join(", ", p.Weights.Dims) + (p.Weights.Dims.Count == 1 ? ",)" : ")");
            if (used.Contains(p.Variable))
            {
                writer.WriteLine($"var {p.Variable} = parameters.Slice({p.Offset}, {p.Size}); // {p.Path}: {shape}");
            }

            if (gradients && used.Contains(ModelNames.WeightGradient(p.Variable)))
            {
                writer.WriteLine($"var {ModelNames.WeightGradient(p.Variable)} = gradients.Slice({p.Offset}, {p.Size}); // dL/d({p.Path})");
            }
        }

        foreach (RandomLocal random in plan.RandomLocals.Where(r => used.Contains(r.Variable)))
        {
            string seed = plan.RandomSeeds[random.Stream] == 0 ? "the model's stream" : "its own seed " + plan.RandomSeeds[random.Stream].ToString(CultureInfo.InvariantCulture);
            writer.WriteLine($"var {random.Variable} = RandomStream({random.Stream}); // {seed}");
        }

        foreach (BufferSlot buffer in pass.Buffers.Where(b => used.Contains(b.Variable)))
        {
            string source = buffer.Source == BufferSource.Input ? "input" : "workspace";
            writer.WriteLine($"var {buffer.Variable} = {source}.Slice({Offset(buffer, pass)}, {Size(buffer)}); // {buffer.Comment}");
        }

        if (pass.ScratchVariable is { } scratch && used.Contains(scratch))
        {
            string layout = "definition." + pass.Layout;
            writer.WriteLine($"// Op-local scratch after the planned buffers, shared by every call that needs one (sized at run time).");
            writer.WriteLine($"var {scratch} = workspace.Slice({layout}.ScratchStart(batch), {layout}.ScratchFloats);");
        }
    }

    private static string Offset(BufferSlot buffer, PassPlan pass)
    {
        if (!buffer.PerSample)
        {
            return buffer.Offset.ToString(CultureInfo.InvariantCulture);
        }

        int fixedFloats = buffer.Source == BufferSource.Workspace ? pass.FixedFloats : 0;
        string perSample = buffer.Offset == 0 ? string.Empty : ModelEmitter.PerBatch(buffer.Offset);
        return (fixedFloats, perSample.Length) switch
        {
            (0, 0) => "0",
            (0, _) => perSample,
            (_, 0) => fixedFloats.ToString(CultureInfo.InvariantCulture),
            _ => fixedFloats.ToString(CultureInfo.InvariantCulture) + " + " + perSample,
        };
    }

    private static string Size(BufferSlot buffer) =>
        buffer.PerSample ? ModelEmitter.PerBatch(buffer.Size) : buffer.Size.ToString(CultureInfo.InvariantCulture);
}

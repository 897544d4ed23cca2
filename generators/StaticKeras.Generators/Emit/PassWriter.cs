using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using StaticKeras.Generators.Planning;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Text;

namespace StaticKeras.Generators.Emit;

/// <summary>
/// What a layer emitter writes through: the pass's writer and the plan's names for every tensor,
/// gradient and weight. It records which locals a pass uses, so only those are declared.
/// </summary>
internal sealed class PassWriter
{
    /// <summary>The namespace of the kernels generated code calls.</summary>
    public const string Kernels = "global::StaticKeras.Kernels.";

    private readonly ModelPlan plan;
    private readonly PassPlan pass;
    private readonly HashSet<string> used = new();

    public PassWriter(ModelPlan plan, PassPlan pass, bool training)
    {
        this.plan = plan;
        this.pass = pass;
        Training = training;
    }

    /// <summary>The body being written.</summary>
    public IndentedTextWriter Writer { get; } = new();

    /// <summary>True for the training pass (forward with caches, and backward).</summary>
    public bool Training { get; }

    /// <summary>The locals the body used.</summary>
    public IReadOnlyCollection<string> Used => used;

    public ModelGraph Graph => plan.Graph;

    /// <summary>Writes one line.</summary>
    public void Line(string code) => Writer.WriteLine(code);

    /// <summary>The local holding <paramref name="layer"/>'s output.</summary>
    public string Output(LayerNode layer) => Use(pass.Layers[layer.Index].Output);

    /// <summary>The local holding input <paramref name="p"/> of <paramref name="layer"/>.</summary>
    public string Input(LayerNode layer, int p = 0) => Use(pass.Layers[layer.Inputs[p]].Output);

    /// <summary>The shape of input <paramref name="p"/>.</summary>
    public Shape InputShape(LayerNode layer, int p = 0) => plan.Graph.Layers[layer.Inputs[p]].OutputShape;

    /// <summary>The local holding dL/d(output) of <paramref name="layer"/>.</summary>
    public string OutputGradient(LayerNode layer) => Use(pass.Layers[layer.Index].OutputGradient);

    /// <summary>Whether input <paramref name="p"/> needs its gradient.</summary>
    public bool InputNeedsGradient(LayerNode layer, int p = 0) => pass.Layers[layer.Index].InputNeedsGradient[p];

    /// <summary>The local of input <paramref name="p"/>'s gradient, or <c>default</c> when none is needed.</summary>
    public string InputGradient(LayerNode layer, int p = 0) =>
        InputNeedsGradient(layer, p) ? Use(pass.Layers[layer.Inputs[p]].OutputGradient) : "default";

    /// <summary><c>true</c> when another reader of input <paramref name="p"/> already wrote its gradient.</summary>
    public string Accumulate(LayerNode layer, int p = 0) => pass.Layers[layer.Index].AccumulateIntoInput[p] ? "true" : "false";

    /// <summary>The local of the layer's forward cache.</summary>
    public string Cache(LayerNode layer) => Use(pass.Layers[layer.Index].Mask);

    /// <summary>Whether the output's gradient shares the input's gradient buffer.</summary>
    public bool GradientIsAlias(LayerNode layer) => pass.Layers[layer.Index].GradientIsAlias;

    /// <summary>The local of a weight (<c>dense_kernel</c>).</summary>
    public string Weight(LayerNode layer, string name) => Use(plan.Parameters.First(p => p.Layer == layer.Index && p.Weight == name).Variable);

    /// <summary>The local of a weight's gradient (<c>d_dense_kernel</c>).</summary>
    public string WeightGradient(LayerNode layer, string name) =>
        Use(ModelNames.WeightGradient(plan.Parameters.First(p => p.Layer == layer.Index && p.Weight == name).Variable));

    /// <summary>True when the layer has a weight of that name.</summary>
    public bool HasWeight(LayerNode layer, string name) => layer.Weights.Any(w => w.Name == name);

    /// <summary>The flag the model's output layer passes to say dL/dz came fused from the loss.</summary>
    public string PreActivationFlag(LayerNode layer) => layer.Index == plan.Graph.OutputLayer ? "outputGradientIsPreActivation" : "false";

    /// <summary>An element count as code: <c>batch</c> or <c>128 * batch</c>.</summary>
    public static string PerBatch(int perSample) => perSample == 1 ? "batch" : Number(perSample) + " * batch";

    /// <summary>A number in invariant culture.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A double literal that round-trips.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture) is var s && (s.Contains('.') || s.Contains('E')) ? s : s + ".0";

    /// <summary>Starts a layer's block: a blank line, then <c>// dense (Dense): (B, 784) -> (B, 128), relu</c>.</summary>
    public void Comment(LayerNode layer, string? note = null)
    {
        Line(string.Empty);
        string inputs = string.Join(" + ", layer.Inputs.Select(j => plan.Graph.Layers[j].OutputShape.ToString().Replace("None", "B")));
        string output = layer.OutputShape.ToString().Replace("None", "B");
        Line($"// {layer.Name} ({layer.KerasClassName}): {inputs} -> {output}{(note is null ? string.Empty : ", " + note)}");
    }

    /// <summary>A buffer local by name, marked as used so it is declared.</summary>
    public string Local(string variable) => Use(variable);

    private string Use(string variable)
    {
        if (variable.Length > 0)
        {
            used.Add(variable);
        }

        return variable;
    }
}

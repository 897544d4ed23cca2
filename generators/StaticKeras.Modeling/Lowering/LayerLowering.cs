using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Lowering;

/// <summary>
/// What a descriptor writes its lowering into, for one pass: the kernel calls of its forward and
/// backward blocks, with arguments that refer to its inputs, output, gradients, weights and its
/// own buffers. The planner gives each reference memory (liveness decides what is a cache and
/// what is scratch) and the emitter prints the calls; neither knows the layer.
/// </summary>
internal sealed class LayerLowering
{
    /// <summary>The namespace of the kernels generated code calls.</summary>
    public const string Kernels = "global::StaticKeras.Kernels.";

    private readonly ModelGraph graph;
    private readonly Func<int, bool> inputNeedsGradient;
    private readonly Func<string, int> weightOffset;
    private readonly List<LayerOp> forward = new();
    private readonly List<LayerOp> backward = new();
    private readonly List<BufferRequest> buffers = new();
    private readonly List<FieldRequest> fields = new();
    private readonly List<LayerOp> export = new();
    private readonly List<LayerOp> prepare = new();

    public LayerLowering(ModelGraph graph, LayerNode layer, bool training, Func<int, bool> inputNeedsGradient, Func<string, int> weightOffset)
    {
        this.graph = graph;
        Layer = layer;
        Training = training;
        this.inputNeedsGradient = inputNeedsGradient;
        this.weightOffset = weightOffset;
    }

    /// <summary>The layer being lowered.</summary>
    public LayerNode Layer { get; }

    /// <summary>True for the training passes (Keras's <c>training=True</c>): forward with caches, and backward.</summary>
    public bool Training { get; }

    /// <summary>The layer's output shape.</summary>
    public Shape OutputShape => Layer.OutputShape;

    /// <summary>True when the output is the input's memory as it is (Flatten, Reshape; Dropout at inference).</summary>
    public bool AliasesInput { get; private set; }

    /// <summary>A note for the layer's comment line (<c>relu</c>, <c>rate 0.5</c>), or null.</summary>
    public string? Note { get; private set; }

    public IReadOnlyList<LayerOp> ForwardOps => forward;

    public IReadOnlyList<LayerOp> BackwardOps => backward;

    public IReadOnlyList<BufferRequest> Buffers => buffers;

    public IReadOnlyList<FieldRequest> Fields => fields;

    /// <summary>The calls that rebuild the layer's derived buffers from its weights (see <see cref="Derived"/>).</summary>
    public IReadOnlyList<LayerOp> PrepareOps => prepare;

    /// <summary>The calls that write the layer into an ONNX graph (the export pass).</summary>
    public IReadOnlyList<LayerOp> ExportOps => export;

    /// <summary>Why the layer cannot be exported to ONNX, or null.</summary>
    public string? ExportProblem { get; private set; }

    /// <summary>The namespace of the ONNX writer's layer helpers.</summary>
    public const string Onnx = "global::StaticKeras.Onnx.OnnxLayers.";

    /// <summary>The ONNX graph being written, in export calls.</summary>
    public static OpArg Graph => OpArg.Code("graph");

    /// <summary>The layer's ONNX value (and node) name: its path.</summary>
    public OpArg Name => OpArg.Code(Literal(Layer.Path));

    /// <summary>The ONNX value name of input <paramref name="p"/>: the path of the layer that produces it.</summary>
    public OpArg InputName(int p = 0) => OpArg.Code(Literal(graph.Layers[Layer.Inputs[p]].Path));

    /// <summary>Every input's ONNX value name, as a collection expression.</summary>
    public OpArg InputNames => OpArg.Code("[" + string.Join(", ", Layer.Inputs.Select(i => Literal(graph.Layers[i].Path))) + "]");

    /// <summary>Adds a call to the layer's ONNX export.</summary>
    public void Export(string target, params OpArg[] arguments) => export.Add(new LayerOp(target, arguments));

    /// <summary>Says the layer cannot be exported to ONNX, and why; the export throws naming it, and the analyzers warn.</summary>
    public void CannotExport(string reason) => ExportProblem = reason;

    /// <summary>A C# string literal.</summary>
    public static string Literal(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>The shape of input <paramref name="p"/>.</summary>
    public Shape InputShape(int p = 0) => graph.Layers[Layer.Inputs[p]].OutputShape;

    /// <summary>Whether the backward pass must produce the gradient of input <paramref name="p"/>.</summary>
    public bool NeedsInputGradient(int p = 0) => Training && inputNeedsGradient(p);

    /// <summary>True when the layer has a weight of that name.</summary>
    public bool HasWeight(string name) => Layer.Weights.Any(w => w.Name == name);

    /// <summary>Where a weight starts in the parameter buffer.</summary>
    public int WeightOffset(string name) => weightOffset(name);

    /// <summary>The output is input 0's memory: no buffer, no forward work; the planner routes the gradient.</summary>
    public void AliasInput() => AliasesInput = true;

    /// <summary>Adds a note to the layer's comment line.</summary>
    public void Describe(string note) => Note = note;

    /// <summary>Adds a kernel call to the forward block.</summary>
    public void Forward(string target, params OpArg[] arguments) => forward.Add(new LayerOp(target, arguments));

    /// <summary>Adds a kernel call to the backward block (training only; ignored otherwise).</summary>
    public void Backward(string target, params OpArg[] arguments)
    {
        if (Training)
        {
            backward.Add(new LayerOp(target, arguments));
        }
    }

    /// <summary>The buffer of input <paramref name="p"/>.</summary>
    public OpArg Input(int p = 0) => new(OpArgKind.Input, string.Empty, p);

    /// <summary>The output buffer.</summary>
    public OpArg Output => new(OpArgKind.Output, string.Empty);

    /// <summary>dL/d(output).</summary>
    public OpArg OutputGradient => new(OpArgKind.OutputGradient, string.Empty);

    /// <summary>dL/d(input <paramref name="p"/>), <c>default</c> when not needed.</summary>
    public OpArg InputGradient(int p = 0) => new(OpArgKind.InputGradient, string.Empty, p);

    /// <summary>Whether to add to input <paramref name="p"/>'s gradient instead of writing it.</summary>
    public OpArg Accumulate(int p = 0) => new(OpArgKind.Accumulate, string.Empty, p);

    /// <summary>For the output layer, whether dL/dy is already dL/d(pre-activation) (a fused loss).</summary>
    public OpArg PreActivationFlag => new(OpArgKind.PreActivationFlag, string.Empty);

    /// <summary>A weight, read-only.</summary>
    public OpArg Weight(string name) => new(OpArgKind.Weight, name);

    /// <summary>A weight, or <c>default</c> when the layer lacks it (a bias with <c>UseBias = false</c>).</summary>
    public OpArg WeightOrDefault(string name) => HasWeight(name) ? Weight(name) : OpArg.Code("default");

    /// <summary>A weight the training forward pass writes (non-trainable state).</summary>
    public OpArg State(string name) => new(OpArgKind.State, name);

    /// <summary>A weight's gradient.</summary>
    public OpArg WeightGradient(string name) => new(OpArgKind.WeightGradient, name);

    /// <summary>A weight's gradient, or <c>default</c> when the layer lacks the weight.</summary>
    public OpArg WeightGradientOrDefault(string name) => HasWeight(name) ? WeightGradient(name) : OpArg.Code("default");

    /// <summary>
    /// A buffer of the layer's own. Used by forward and backward calls it is a cache kept between
    /// them; used by one call it is scratch whose memory other buffers reuse.
    /// </summary>
    /// <param name="name">Its name within the layer.</param>
    /// <param name="floats">Its size: per sample, or in all when <paramref name="perSample"/> is false.</param>
    /// <param name="comment">What it holds.</param>
    /// <param name="perSample">True when it scales with the batch.</param>
    public OpArg Buffer(string name, int floats, string comment, bool perSample = true)
    {
        if (!buffers.Any(b => b.Name == name))
        {
            buffers.Add(new BufferRequest(name, floats, perSample, comment));
        }

        return new OpArg(OpArgKind.Buffer, name);
    }

    /// <summary>
    /// Op-local scratch sized by the kernel at run time: <paramref name="size"/> is the C# expression
    /// that gives its floats (<c>Conv2DKernel.ScratchSize(conv2d_geometry)</c>), evaluated once per model
    /// class. All such scratch shares one region of the workspace.
    /// </summary>
    public OpArg Scratch(OpArg size) => new(OpArgKind.Scratch, string.Empty, Parts: new[] { size });

    /// <summary>
    /// A buffer derived from the layer's weights, kept by the model for the inference pass and
    /// rebuilt by the calls given to <see cref="Prepare"/> whenever the weights change.
    /// </summary>
    /// <param name="name">Its name within the layer.</param>
    /// <param name="size">Its floats, as code evaluated once per model class.</param>
    public OpArg Derived(string name, OpArg size) => new(OpArgKind.Derived, name, Parts: new[] { size });

    /// <summary>Adds a call that rebuilds a derived buffer from the weights.</summary>
    public void Prepare(string target, params OpArg[] arguments) => prepare.Add(new LayerOp(target, arguments));

    /// <summary>A random stream: the model's when <paramref name="seed"/> is 0, else one of its own.</summary>
    public OpArg Random(int seed) => new(OpArgKind.Random, string.Empty, seed);

    /// <summary>A static field of the model class, created once.</summary>
    public OpArg Field(string suffix, string type, string initializer, string comment)
    {
        if (!fields.Any(f => f.Suffix == suffix))
        {
            fields.Add(new FieldRequest(suffix, type, initializer, comment));
        }

        return new OpArg(OpArgKind.Field, suffix);
    }
}

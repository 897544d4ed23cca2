using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Generators.Planning;

/// <summary>Where a buffer of a pass lives.</summary>
internal enum BufferSource
{
    /// <summary>A slice of the planned workspace.</summary>
    Workspace,

    /// <summary>A slice of the caller's input span (read-only).</summary>
    Input,

    /// <summary>The caller's output span (inference).</summary>
    Output,
}

/// <summary>One weight in the parameter buffer.</summary>
/// <param name="Layer">The owning layer's index.</param>
/// <param name="Weight">Keras's name (<c>kernel</c>).</param>
/// <param name="Path">Keras's path (<c>dense/kernel</c>, <c>residual_block/dense/kernel</c>).</param>
/// <param name="Variable">The local that holds it in emitted code (<c>dense_kernel</c>).</param>
/// <param name="Offset">Its first float in the parameter buffer (a multiple of 16).</param>
/// <param name="Weights">Its shape, initializer and fans.</param>
/// <remarks>Equality: by value.</remarks>
internal sealed record ParameterSlot(int Layer, string Weight, string Path, string Variable, int Offset, WeightSpec Weights)
{
    public int Size => Weights.Size;
}

/// <summary>A buffer local of a pass: a slice of the input or the workspace.</summary>
/// <param name="Variable">The local's name.</param>
/// <param name="Source">What it slices.</param>
/// <param name="Offset">Where it starts: floats per sample after the fixed region, or floats into the fixed region.</param>
/// <param name="Size">Its floats: per sample, or in all for a fixed buffer.</param>
/// <param name="PerSample">True when it scales with the batch.</param>
/// <param name="Comment">What it holds and its shape, for the emitted comment.</param>
/// <remarks>Equality: by value.</remarks>
internal sealed record BufferSlot(string Variable, BufferSource Source, int Offset, int Size, bool PerSample, string Comment);

/// <summary>One kernel call, its arguments resolved to code.</summary>
/// <remarks>Equality: by value.</remarks>
internal sealed record PlannedCall(string Target, EquatableArray<string> Arguments);

/// <summary>One layer's calls in one method, under its comment line.</summary>
/// <param name="Comment">The comment: <c>dense (Dense): (B, 784) -> (B, 128), relu</c>.</param>
/// <param name="Calls">Its calls in order; may be empty (a view).</param>
/// <remarks>Equality: by value.</remarks>
internal sealed record PlannedBlock(string Comment, EquatableArray<PlannedCall> Calls);

/// <summary>One emitted method: its layer blocks and the locals they use.</summary>
/// <param name="Blocks">The layers' blocks in execution order.</param>
/// <param name="Uses">Every local the blocks use (weights, gradients, buffers, random streams), to declare only those.</param>
/// <param name="WritesParameters">True when a block writes weights (state updated while training), so the parameters are declared writable.</param>
/// <remarks>Equality: by value.</remarks>
internal sealed record MethodPlan(EquatableArray<PlannedBlock> Blocks, EquatableArray<string> Uses, bool WritesParameters);

/// <summary>
/// A buffer the inference pass derives from the weights (a convolution's transformed kernel): an
/// instance field of the model, rebuilt by the prepare method after the weights change.
/// </summary>
/// <param name="Variable">The field's name.</param>
/// <param name="Size">Its floats, as code evaluated when the model is created.</param>
/// <param name="Comment">What it holds.</param>
/// <remarks>Equality: by value.</remarks>
internal sealed record DerivedSlot(string Variable, string Size, string Comment);

/// <summary>The workspace of a pass (training: forward and backward; inference: forward only) and its methods.</summary>
/// <param name="Layout">The <c>ModelDefinition</c> property that describes its workspace: <c>Training</c> or <c>Inference</c>.</param>
/// <param name="FixedFloats">Floats at the start that do not scale with the batch.</param>
/// <param name="FloatsPerSample">Floats per sample after them.</param>
/// <param name="Buffers">Every buffer local the methods may declare.</param>
/// <param name="Forward">The forward method.</param>
/// <param name="Backward">The backward method (training), or null.</param>
/// <param name="OutputOffset">Where the output lives per sample in the workspace (training), or -1.</param>
/// <param name="OutputGradientOffset">Where dL/d(output) lives per sample (training), or -1.</param>
/// <param name="ScratchVariable">The local of the shared op-local scratch, or null when no call asks for scratch.</param>
/// <param name="ScratchSizes">The floats each call's scratch needs, as code; the region is as large as the largest.</param>
/// <param name="ScratchSizeField">The static field that holds the largest, or null without scratch.</param>
/// <param name="Derived">The buffers the pass reads that are derived from the weights (inference only).</param>
/// <param name="Prepare">The method that rebuilds <paramref name="Derived"/> from the weights, or null when there are none.</param>
/// <remarks>Equality: by value.</remarks>
internal sealed record PassPlan(
    string Layout,
    int FixedFloats,
    int FloatsPerSample,
    EquatableArray<BufferSlot> Buffers,
    MethodPlan Forward,
    MethodPlan? Backward,
    int OutputOffset,
    int OutputGradientOffset,
    string? ScratchVariable,
    EquatableArray<string> ScratchSizes,
    string? ScratchSizeField,
    EquatableArray<DerivedSlot> Derived,
    MethodPlan? Prepare);

/// <summary>A random stream local: its name and its index in the model's streams.</summary>
/// <remarks>Equality: by value.</remarks>
internal sealed record RandomLocal(string Variable, int Stream);

/// <summary>A static field of the model class (a user layer's <c>LayerInfo</c>).</summary>
/// <remarks>Equality: by value.</remarks>
internal sealed record StaticField(string Name, string Type, string Initializer, string Comment);

/// <summary>
/// The lowered model: the graph, where every weight lives, both passes' workspace plans and
/// methods, the random streams and static fields the layers asked for. Everything the emitter
/// needs, as code and constants.
/// </summary>
/// <param name="Graph">The inferred graph.</param>
/// <param name="Parameters">Every weight, in Keras's order.</param>
/// <param name="ParameterBufferLength">Floats in the parameter buffer (with alignment padding).</param>
/// <param name="Training">The training pass's plan.</param>
/// <param name="Inference">The inference pass's plan.</param>
/// <param name="RandomSeeds">Per random stream, its seed; 0 for the model's own stream (derived from the model seed).</param>
/// <param name="RandomLocals">The locals that hold the streams.</param>
/// <param name="Fields">Static fields of the class.</param>
/// <param name="Export">The ONNX export method.</param>
/// <param name="ExportProblem">The first layer ONNX cannot express and why, or null.</param>
/// <remarks>Equality: by value, so emission is skipped when the plan is unchanged.</remarks>
internal sealed record ModelPlan(
    ModelGraph Graph,
    EquatableArray<ParameterSlot> Parameters,
    int ParameterBufferLength,
    PassPlan Training,
    PassPlan Inference,
    EquatableArray<int> RandomSeeds,
    EquatableArray<RandomLocal> RandomLocals,
    EquatableArray<StaticField> Fields,
    MethodPlan Export,
    string? ExportProblem);

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
/// <param name="Variable">The local that holds it in emitted code (<c>dense_kernel</c>).</param>
/// <param name="Offset">Its first float in the parameter buffer (a multiple of 16).</param>
/// <param name="Size">Its number of floats.</param>
/// <remarks>Equality: by value.</remarks>
internal sealed record ParameterSlot(int Layer, string Weight, string Variable, int Offset, int Size);

/// <summary>A buffer local of a pass: a slice whose offset and size are per sample (both scale with the batch).</summary>
/// <param name="Variable">The local's name.</param>
/// <param name="Source">What it slices.</param>
/// <param name="Offset">Floats per sample before it in its source.</param>
/// <param name="Size">Floats per sample in it.</param>
/// <param name="Comment">What it holds and its shape, for the emitted comment.</param>
/// <remarks>Equality: by value.</remarks>
internal sealed record BufferSlot(string Variable, BufferSource Source, int Offset, int Size, string Comment);

/// <summary>How one layer's tensors map to buffer locals in a pass.</summary>
/// <param name="Output">The local holding the layer's output.</param>
/// <param name="OutputGradient">The local holding dL/d(output); empty when no gradient flows here.</param>
/// <param name="Mask">The local of a forward cache such as a dropout mask; empty when none.</param>
/// <param name="InputNeedsGradient">Per input: whether the backward pass must produce its gradient.</param>
/// <param name="AccumulateIntoInput">Per input: add to its gradient (another reader wrote first) instead of writing.</param>
/// <param name="IsAlias">The output shares its input's buffer (Flatten, Reshape, Dropout at inference).</param>
/// <param name="GradientIsAlias">The output's gradient shares the input's gradient buffer (nothing to do backward).</param>
/// <remarks>Equality: by value.</remarks>
internal sealed record LayerSlots(
    string Output,
    string OutputGradient,
    string Mask,
    EquatableArray<bool> InputNeedsGradient,
    EquatableArray<bool> AccumulateIntoInput,
    bool IsAlias,
    bool GradientIsAlias);

/// <summary>The buffers of one pass (training: forward and backward; inference: forward only).</summary>
/// <param name="FloatsPerSample">Workspace floats per sample.</param>
/// <param name="Buffers">Every local to declare, in order.</param>
/// <param name="Layers">Per layer (declaration index), its locals.</param>
/// <param name="OutputOffset">Where the output lives in the workspace per sample (training), or -1.</param>
/// <param name="OutputGradientOffset">Where dL/d(output) lives per sample (training), or -1.</param>
/// <param name="CopyOutputFrom">A local to copy into the output at the end (the output aliases an input), or empty.</param>
/// <remarks>Equality: by value.</remarks>
internal sealed record PassPlan(
    int FloatsPerSample,
    EquatableArray<BufferSlot> Buffers,
    EquatableArray<LayerSlots> Layers,
    int OutputOffset,
    int OutputGradientOffset,
    string CopyOutputFrom);

/// <summary>
/// The lowered model: the graph, where every weight lives, and both passes' workspace plans.
/// Everything the emitter needs, as constants.
/// </summary>
/// <param name="Graph">The inferred graph.</param>
/// <param name="Parameters">Every weight, in Keras's order.</param>
/// <param name="ParameterBufferLength">Floats in the parameter buffer (with alignment padding).</param>
/// <param name="Training">The training pass's plan.</param>
/// <param name="Inference">The inference pass's plan.</param>
/// <remarks>Equality: by value, so emission is skipped when the plan is unchanged.</remarks>
internal sealed record ModelPlan(
    ModelGraph Graph,
    EquatableArray<ParameterSlot> Parameters,
    int ParameterBufferLength,
    PassPlan Training,
    PassPlan Inference);

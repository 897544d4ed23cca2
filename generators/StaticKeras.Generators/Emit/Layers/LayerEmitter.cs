using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Generators.Emit.Layers;

/// <summary>
/// How one layer type becomes code: what the planner must keep alive for it, and the kernel calls
/// of its forward and backward blocks. One subclass per layer; <see cref="LayerEmitters"/> lists
/// them. Shape rules live in the shared <c>Shapes/Rules</c>; this is only the lowering.
/// </summary>
internal abstract class LayerEmitter
{
    /// <summary>The layer type it lowers (<c>Dense</c>).</summary>
    public abstract string TypeName { get; }

    /// <summary>True when the output is the input's memory reinterpreted (no work, no buffer).</summary>
    public virtual bool AliasesInput(LayerNode layer, bool training) => false;

    /// <summary>True when the backward block reads the layer's inputs (Dense: x for the kernel gradient).</summary>
    public virtual bool BackwardReadsInputs(LayerNode layer) => false;

    /// <summary>True when the backward block reads the layer's output (an activation's derivative from y).</summary>
    public virtual bool BackwardReadsOutput(LayerNode layer) => false;

    /// <summary>Floats per sample of a forward cache the backward block reads (a dropout mask); 0 for none.</summary>
    public virtual int CacheSize(LayerNode layer) => 0;

    /// <summary>Writes the forward block (after the layer comment).</summary>
    public abstract void EmitForward(PassWriter pass, LayerNode layer);

    /// <summary>Writes the backward block: dL/d(inputs) from dL/d(output), and the weights' gradients.</summary>
    public abstract void EmitBackward(PassWriter pass, LayerNode layer);
}

namespace StaticKeras.Modeling.Shapes;

/// <summary>
/// The shape rule of one layer type: how it reads its arguments, checks them, and computes its
/// output shape and weights. One subclass per layer in <c>Rules/</c>; <see cref="LayerRules"/>
/// lists them. The generator and the analyzers both run these, so a layer's rule exists once.
/// </summary>
internal abstract class LayerRule
{
    /// <summary>The attribute's name without <c>Attribute</c>: <c>Dense</c>.</summary>
    public abstract string TypeName { get; }

    /// <summary>The Keras class the layer mirrors, shown in summaries (<c>InputLayer</c> for <c>[Input]</c>).</summary>
    public virtual string KerasClassName => TypeName;

    /// <summary>How the layer takes inputs.</summary>
    public virtual LayerArity Arity => LayerArity.One;

    /// <summary>
    /// The activation the layer applies last (<c>Relu</c>, <c>Softmax</c>), or null when it has
    /// none. Losses fuse with a final softmax or sigmoid, and analyzers check losses against it.
    /// </summary>
    public virtual string? OutputActivation(LayerNode layer) => null;

    /// <summary>
    /// Checks the arguments and input shapes and sets the output shape and weights, or reports
    /// errors through <paramref name="layer"/>. Never throws on bad input.
    /// </summary>
    public abstract void Infer(LayerInference layer);
}

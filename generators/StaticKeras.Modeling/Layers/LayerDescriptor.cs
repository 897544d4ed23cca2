using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers;

/// <summary>
/// Everything StaticKeras knows about one layer type, in one place: the attribute it is declared
/// with, its configuration (parsed and validated once), its shape rule and weights, and its
/// lowering to kernel calls for the forward and backward passes. The generator and the analyzers
/// both run it; the emitter prints what its lowering produced and knows no layer by name.
/// Subclass <see cref="LayerDescriptor{TConfig}"/>; <see cref="LayerCatalog"/> finds every
/// descriptor by reflection, so a new layer is one new file and nothing else.
/// </summary>
internal abstract class LayerDescriptor
{
    /// <summary>The full metadata name of the layer's attribute class (<c>StaticKeras.DenseAttribute</c>).</summary>
    public abstract string AttributeName { get; }

    /// <summary>The Keras class the layer mirrors (<c>Dense</c>, <c>InputLayer</c>), shown in summaries and messages.</summary>
    public abstract string KerasClassName { get; }

    /// <summary>How the layer takes inputs.</summary>
    public virtual LayerArity Arity => LayerArity.One;

    /// <summary>The class name of this use: <see cref="KerasClassName"/>, or the user type a use names.</summary>
    public virtual string ClassName(LayerSpec spec) => KerasClassName;

    /// <summary>Parses and validates the arguments, reporting through <paramref name="arguments"/>; null when they are wrong.</summary>
    public abstract LayerConfig? ParseConfig(LayerArguments arguments);

    /// <summary>
    /// Checks the input shapes and sets the output shape and weights, or reports errors through
    /// <paramref name="layer"/>. Never throws on bad input.
    /// </summary>
    public abstract void InferShapes(LayerConfig config, LayerInference layer);

    /// <summary>Writes the layer's buffers and kernel calls for one pass into <paramref name="lowering"/>.</summary>
    public abstract void LowerOps(LayerConfig config, LayerLowering lowering);

    /// <summary>
    /// Writes the layer's ONNX export calls into <paramref name="export"/> (<see cref="LayerLowering.Export"/>
    /// on the ONNX writer's layer helpers), or says why ONNX cannot express it (<see cref="LayerLowering.CannotExport"/>).
    /// </summary>
    public abstract void LowerExport(LayerConfig config, LayerLowering export);

    /// <summary>
    /// The activation the layer applies last, when it ends with one (Dense's, an Activation layer's):
    /// losses fuse with a final softmax or sigmoid, and the analyzers check losses against it.
    /// </summary>
    public virtual ActivationSpec? OutputActivation(LayerConfig config) => null;

    /// <summary>The Python module Keras serializes the class under (<c>keras.layers</c>).</summary>
    public virtual string KerasModule => "keras.layers";

    /// <summary>
    /// Writes the layer's own members of Keras's <c>get_config()</c> (after the base <c>name</c>,
    /// <c>trainable</c>, <c>dtype</c>), with Keras's argument names and value forms, so a saved
    /// <c>config.json</c> rebuilds the layer in Python. A layer without arguments writes nothing
    /// (the default).
    /// </summary>
    public virtual void WriteKerasConfig(LayerConfig config, KerasConfigWriter keras)
    {
    }

    /// <summary>
    /// The reverse, for <c>[KerasModel]</c>: reads a Keras config's members into the attribute
    /// arguments a declaration of this layer would have. Members left unread are reported as
    /// unsupported, so the default (read nothing) accepts exactly the configs of layers without arguments.
    /// </summary>
    public virtual void ReadKerasConfig(KerasConfigReader keras)
    {
    }
}

/// <summary>A <see cref="LayerDescriptor"/> over its own typed configuration record.</summary>
/// <typeparam name="TConfig">The layer's configuration.</typeparam>
internal abstract class LayerDescriptor<TConfig> : LayerDescriptor
    where TConfig : LayerConfig
{
    public sealed override LayerConfig? ParseConfig(LayerArguments arguments) => Parse(arguments);

    public sealed override void InferShapes(LayerConfig config, LayerInference layer) => Infer((TConfig)config, layer);

    public sealed override void LowerOps(LayerConfig config, LayerLowering lowering) => Lower((TConfig)config, lowering);

    public sealed override ActivationSpec? OutputActivation(LayerConfig config) => Activation((TConfig)config);

    public sealed override void LowerExport(LayerConfig config, LayerLowering export) => Export((TConfig)config, export);

    public sealed override void WriteKerasConfig(LayerConfig config, KerasConfigWriter keras) => ToKeras((TConfig)config, keras);

    /// <summary>Reads the layer's arguments with Keras's names and defaults; null when one is wrong (reported).</summary>
    protected abstract TConfig? Parse(LayerArguments arguments);

    /// <summary>The shape rule: output shape and weights from the inputs' shapes.</summary>
    protected abstract void Infer(TConfig config, LayerInference layer);

    /// <summary>The lowering: buffers and kernel calls of the forward and backward passes.</summary>
    protected abstract void Lower(TConfig config, LayerLowering lowering);

    /// <summary>The activation the layer applies last, or null.</summary>
    protected virtual ActivationSpec? Activation(TConfig config) => null;

    /// <summary>The ONNX export: calls on the writer's helpers, or <see cref="LayerLowering.CannotExport"/>.</summary>
    protected virtual void Export(TConfig config, LayerLowering export) =>
        export.CannotExport($"StaticKeras writes no ONNX form of {KerasClassName} yet");

    /// <summary>The layer's members of Keras's <c>get_config()</c>; nothing by default (a layer without arguments).</summary>
    protected virtual void ToKeras(TConfig config, KerasConfigWriter keras)
    {
    }
}

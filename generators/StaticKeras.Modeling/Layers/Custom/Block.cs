using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers.Custom;

/// <summary>A block's use: the block class's own declaration.</summary>
internal sealed record BlockConfig(ModelSpec Block) : LayerConfig;

/// <summary>
/// <c>[Block&lt;T&gt;]</c>: a declared model used as a layer (Keras's nested model). Its graph is
/// inferred on its own and inlined in place of this layer, so it has no lowering of its own; the
/// boundary is checked here: the block's <c>[Input]</c> must be the shape it is given.
/// </summary>
internal sealed class Block : LayerDescriptor<BlockConfig>
{
    public override string AttributeName => "StaticKeras.BlockAttribute`1";

    public override string KerasClassName => "Functional";

    public override string ClassName(LayerSpec spec) => spec.Block?.Type.Name ?? KerasClassName;

    protected override BlockConfig? Parse(LayerArguments a)
    {
        if (a.Spec.BlockProblem is { } problem || a.Spec.Block is null)
        {
            a.Error(ErrorKind.InvalidModule, null, $"[{a.Spec.DisplayName}] cannot be used: {a.Spec.BlockProblem ?? "its type is not a model"}.");
            return null;
        }

        return new BlockConfig(a.Spec.Block);
    }

    protected override void Infer(BlockConfig c, LayerInference layer)
    {
        string name = c.Block.Type.Name;
        ModelGraph inner = ShapeInference.Infer(c.Block);
        if (!inner.IsValid)
        {
            layer.Error(ErrorKind.InvalidModule, null, $"{layer.Title} cannot be inlined: the block {name} has errors of its own, reported on its declaration. Fix those first.");
            return;
        }

        if (inner.InputLayers.Count != 1)
        {
            layer.Error(ErrorKind.InvalidModule, null, $"{layer.Title}: the block {name} has {inner.InputLayers.Count} inputs, but a block takes one. Give {name} a single [Input].");
            return;
        }

        Shape expected = inner.Layers[inner.InputLayers[0]].OutputShape;
        if (!expected.Equals(layer.Input))
        {
            layer.Error(ErrorKind.IncompatibleInput, null, $"{layer.Title}: the block {name} takes {expected} (its [Input]) but '{layer.InputName(0)}' is {layer.Input}. Make the layer before it output {expected}, or change {name}'s [Input].");
            return;
        }

        layer.Inlined = inner;
        layer.SetOutput(inner.Output.OutputShape);
    }

    protected override void Lower(BlockConfig c, LayerLowering l)
    {
        // Never called: shape inference replaces the block by its layers.
    }

    protected override void Export(BlockConfig c, LayerLowering l)
    {
        // Never called: its layers are exported where they were inlined.
    }
}

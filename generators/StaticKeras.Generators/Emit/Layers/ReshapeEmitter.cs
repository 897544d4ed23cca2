using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Generators.Emit.Layers;

/// <summary>Flatten and Reshape: row-major data is already in the new shape, so the output views the input.</summary>
internal sealed class ReshapeEmitter : LayerEmitter
{
    public ReshapeEmitter(string typeName) => TypeName = typeName;

    public override string TypeName { get; }

    public override bool AliasesInput(LayerNode layer, bool training) => true;

    public override void EmitForward(PassWriter pass, LayerNode layer) => pass.Comment(layer, $"views {pass.Input(layer)}: no work");

    public override void EmitBackward(PassWriter pass, LayerNode layer) => DropoutEmitter.EmitRoute(pass, layer);
}

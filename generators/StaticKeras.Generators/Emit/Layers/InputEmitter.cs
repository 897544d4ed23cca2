using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Generators.Emit.Layers;

/// <summary><c>[Input]</c>: a slice of the caller's batch; nothing to compute.</summary>
internal sealed class InputEmitter : LayerEmitter
{
    public override string TypeName => "Input";

    public override void EmitForward(PassWriter pass, LayerNode layer)
    {
    }

    public override void EmitBackward(PassWriter pass, LayerNode layer)
    {
    }
}

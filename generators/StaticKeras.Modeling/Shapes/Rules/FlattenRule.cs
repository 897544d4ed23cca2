namespace StaticKeras.Modeling.Shapes.Rules;

/// <summary><c>[Flatten]</c>: one sample becomes a vector; row-major, so no data moves.</summary>
internal sealed class FlattenRule : LayerRule
{
    public override string TypeName => "Flatten";

    public override void Infer(LayerInference layer) => layer.SetOutput(Shape.Of(layer.Input.Size));
}

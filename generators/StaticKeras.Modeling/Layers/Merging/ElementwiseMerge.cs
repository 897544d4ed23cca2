using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers.Merging;

/// <summary>The shape rule of <c>[Add]</c> and <c>[Multiply]</c>: every input has one shape, and so has the output.</summary>
internal abstract class ElementwiseMerge : LayerDescriptor<NoConfig>
{
    public override LayerArity Arity => LayerArity.Many;

    protected override NoConfig Parse(LayerArguments a) => NoConfig.Instance;

    protected override void Infer(NoConfig c, LayerInference layer)
    {
        if (!MergeInputs.CheckRanks(layer, sizesMustMatch: true))
        {
            return;
        }

        Shape first = layer.InputShapes[0];
        for (int i = 1; i < layer.InputShapes.Count; i++)
        {
            Shape other = layer.InputShapes[i];
            if (!other.Equals(first))
            {
                string fix = first.Rank == other.Rank && first.Rank > 0
                    ? $" For example end '{layer.InputName(i)}' with Dense({first.Last}), or project '{layer.InputName(0)}' with Dense({other.Last}) first."
                    : string.Empty;
                layer.Error(
                    ErrorKind.MergeShapeMismatch,
                    "Inputs",
                    $"{layer.Title} needs inputs of one shape, but '{layer.InputName(0)}' is {first} and '{layer.InputName(i)}' is {other}.{fix}",
                    i);
                return;
            }
        }

        layer.SetOutput(first);
    }
}

using System.Linq;

namespace StaticKeras.Modeling.Shapes.Rules;

/// <summary><c>[Input(28, 28, 1)]</c>: the shape of one sample; Keras's <c>InputLayer</c>.</summary>
internal sealed class InputRule : LayerRule
{
    public override string TypeName => "Input";

    public override string KerasClassName => "InputLayer";

    public override LayerArity Arity => LayerArity.None;

    public override void Infer(LayerInference layer)
    {
        int[] shape = layer.Ints("Shape") ?? new int[0];
        if (shape.Length == 0)
        {
            layer.Error(ErrorKind.InvalidHyperparameter, layer.Has("Shape") ? "Shape" : null, $"{layer.Title} has no shape. Give the shape of one sample without the batch, for example [Input(784)] or [Input(28, 28, 1)].");
            return;
        }

        if (shape.Any(d => d <= 0))
        {
            layer.Error(ErrorKind.InvalidHyperparameter, "Shape", $"{layer.Title} has shape ({string.Join(", ", shape)}), but every dimension must be at least 1 (the batch is implicit; do not pass it or -1).");
            return;
        }

        layer.SetOutput(Shape.Of(shape), "Shape");
    }
}

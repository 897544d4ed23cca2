using System.Linq;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers.Core;

/// <summary><c>[Input(28, 28, 1)]</c>'s configuration: the shape of one sample.</summary>
internal sealed record InputConfig(Shape Shape) : LayerConfig;

/// <summary><c>[Input(28, 28, 1)]</c>: the shape of one sample; Keras's <c>InputLayer</c>. A slice of the caller's batch, nothing to compute.</summary>
internal sealed class Input : LayerDescriptor<InputConfig>
{
    public override string AttributeName => "StaticKeras.InputAttribute";

    public override string KerasClassName => "InputLayer";

    public override LayerArity Arity => LayerArity.None;

    protected override InputConfig? Parse(LayerArguments a)
    {
        int[] shape = a.Ints("Shape") ?? new int[0];
        if (shape.Length == 0)
        {
            a.Error(ErrorKind.InvalidHyperparameter, a.Has("Shape") ? "Shape" : null, $"{a.Title} has no shape. Give the shape of one sample without the batch, for example [Input(784)] or [Input(28, 28, 1)].");
            return null;
        }

        if (shape.Any(d => d <= 0))
        {
            a.Error(ErrorKind.InvalidHyperparameter, "Shape", $"{a.Title} has shape ({string.Join(", ", shape)}), but every dimension must be at least 1 (the batch is implicit; do not pass it or -1).", System.Array.FindIndex(shape, d => d < 1));
            return null;
        }

        return new InputConfig(Shape.Of(shape));
    }

    protected override void Infer(InputConfig c, LayerInference layer) => layer.SetOutput(c.Shape, "Shape");

    protected override void Lower(InputConfig c, LayerLowering l)
    {
    }

    protected override void Export(InputConfig c, LayerLowering l) =>
        l.Export("graph.AddInput", l.Name, OpArg.Code("[global::StaticKeras.Onnx.OnnxDim.Batch, " + string.Join(", ", c.Shape.Dims) + "]"));
}

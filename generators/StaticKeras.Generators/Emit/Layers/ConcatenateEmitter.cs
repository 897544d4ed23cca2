using System.Linq;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Shapes.Rules;

namespace StaticKeras.Generators.Emit.Layers;

/// <summary>
/// Concatenate: each input is copied into its slot of every output block (and its gradient
/// sliced back out). A block is everything from the axis on; there are <c>outer</c> blocks per
/// sample, one per position before the axis.
/// </summary>
internal sealed class ConcatenateEmitter : LayerEmitter
{
    public override string TypeName => "Concatenate";

    public override void EmitForward(PassWriter pass, LayerNode layer)
    {
        pass.Comment(layer);
        int offset = 0;
        (int outer, int outputInner) = Blocks(layer.OutputShape, Axis(layer));
        for (int p = 0; p < layer.Inputs.Count; p++)
        {
            int inner = Blocks(pass.InputShape(layer, p), Axis(layer)).Inner;
            pass.Line($"{PassWriter.Kernels}ConcatenateKernel.Forward({pass.Input(layer, p)}, {pass.Output(layer)}, {PassWriter.PerBatch(outer)}, {inner}, {outputInner}, offset: {offset});");
            offset += inner;
        }
    }

    public override void EmitBackward(PassWriter pass, LayerNode layer)
    {
        pass.Comment(layer, "backward");
        int offset = 0;
        (int outer, int outputInner) = Blocks(layer.OutputShape, Axis(layer));
        for (int p = 0; p < layer.Inputs.Count; p++)
        {
            int inner = Blocks(pass.InputShape(layer, p), Axis(layer)).Inner;
            if (pass.InputNeedsGradient(layer, p))
            {
                pass.Line($"{PassWriter.Kernels}ConcatenateKernel.Backward({pass.OutputGradient(layer)}, {pass.InputGradient(layer, p)}, {PassWriter.PerBatch(outer)}, {inner}, {outputInner}, offset: {offset}, accumulate: {pass.Accumulate(layer, p)});");
            }

            offset += inner;
        }
    }

    private static int Axis(LayerNode layer) =>
        ConcatenateRule.SampleAxis((int)(layer.Spec.Find("Axis")?.Value.Number ?? -1), layer.OutputShape.Rank);

    private static (int Outer, int Inner) Blocks(Shape shape, int axis) =>
        (shape.Dims.Take(axis).Aggregate(1, (a, d) => a * d), shape.Dims.Skip(axis).Aggregate(1, (a, d) => a * d));
}

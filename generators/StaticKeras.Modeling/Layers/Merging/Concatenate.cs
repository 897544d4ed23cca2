using System.Linq;
using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers.Merging;

/// <summary>Keras's <c>Concatenate(axis=-1)</c>; <c>Axis</c> counts the batch as Keras does.</summary>
internal sealed record ConcatenateConfig(int Axis) : LayerConfig;

/// <summary>
/// <c>[Concatenate("a", "b", Axis = -1)]</c>: joins inputs along one axis; every other dimension
/// must agree. Each input is copied into its slot of every output block (and its gradient sliced
/// back out); a block is everything from the axis on, one per position before it.
/// </summary>
internal sealed class Concatenate : LayerDescriptor<ConcatenateConfig>
{
    public override string AttributeName => "StaticKeras.ConcatenateAttribute";

    public override string KerasClassName => "Concatenate";

    public override LayerArity Arity => LayerArity.Many;

    /// <summary>Maps a Keras axis (batch = 0) to an index into the sample shape, or -1 when out of range.</summary>
    public static int SampleAxis(int kerasAxis, int rank)
    {
        int axis = kerasAxis < 0 ? rank + kerasAxis : kerasAxis - 1;
        return axis >= 0 && axis < rank ? axis : -1;
    }

    protected override ConcatenateConfig Parse(LayerArguments a) => new(a.Int("Axis", -1));

    protected override void Infer(ConcatenateConfig c, LayerInference layer)
    {
        if (!MergeInputs.CheckRanks(layer, sizesMustMatch: false))
        {
            return;
        }

        Shape first = layer.InputShapes[0];
        int axis = SampleAxis(c.Axis, first.Rank);
        if (axis < 0)
        {
            layer.Error(ErrorKind.InvalidHyperparameter, "Axis", $"{layer.Title}: Axis {c.Axis} is outside its inputs' axes; for inputs of shape {first} use 1..{first.Rank} or -{first.Rank}..-1 (axis 0 is the batch).");
            return;
        }

        int total = 0;
        for (int i = 0; i < layer.InputShapes.Count; i++)
        {
            Shape other = layer.InputShapes[i];
            bool agrees = other.Rank == first.Rank && Enumerable.Range(0, first.Rank).All(d => d == axis || other[d] == first[d]);
            if (!agrees)
            {
                layer.Error(
                    ErrorKind.ConcatenateShapeMismatch,
                    "Inputs",
                    $"{layer.Title} joins on axis {c.Axis}, so all other dimensions must agree, but '{layer.InputName(0)}' is {first} and '{layer.InputName(i)}' is {other}. Reshape one input, or concatenate on the axis where they differ.",
                    i);
                return;
            }

            total += other[axis];
        }

        int[] dims = first.Dims.ToArray();
        dims[axis] = total;
        layer.SetOutput(Shape.Of(dims));
    }

    protected override void Lower(ConcatenateConfig c, LayerLowering l)
    {
        int axis = SampleAxis(c.Axis, l.OutputShape.Rank);
        (int outer, int outputInner) = Blocks(l.OutputShape, axis);
        int offset = 0;
        for (int p = 0; p < l.Layer.Inputs.Count; p++)
        {
            int inner = Blocks(l.InputShape(p), axis).Inner;
            OpArg[] geometry = { OpArg.PerBatch(outer), OpArg.Int(inner), OpArg.Int(outputInner), OpArg.Int(offset).Named("offset") };
            l.Forward($"{LayerLowering.Kernels}ConcatenateKernel.Forward", new[] { l.Input(p), l.Output }.Concat(geometry).ToArray());
            if (l.NeedsInputGradient(p))
            {
                l.Backward($"{LayerLowering.Kernels}ConcatenateKernel.Backward", new[] { l.OutputGradient, l.InputGradient(p) }.Concat(geometry).Append(l.Accumulate(p).Named("accumulate")).ToArray());
            }

            offset += inner;
        }
    }

    private static (int Outer, int Inner) Blocks(Shape shape, int axis) =>
        (shape.Dims.Take(axis).Aggregate(1, (a, d) => a * d), shape.Dims.Skip(axis).Aggregate(1, (a, d) => a * d));

    protected override void Export(ConcatenateConfig c, LayerLowering l) =>
        l.Export($"{LayerLowering.Onnx}Concatenate", LayerLowering.Graph, l.Name, l.InputNames, OpArg.Int(c.Axis));

    /// <summary>keras/src/layers/merging/concatenate.py, <c>get_config</c>.</summary>
    protected override void ToKeras(ConcatenateConfig c, KerasConfigWriter k) => k.Int("axis", c.Axis);

    public override void ReadKerasConfig(KerasConfigReader k) => k.Int("axis", "Axis");
}

using System.Linq;

namespace StaticKeras.Modeling.Shapes.Rules;

/// <summary>
/// <c>[Concatenate("a", "b", Axis = -1)]</c>: joins inputs along one axis; every other dimension
/// must agree. <c>Axis</c> counts the batch as Keras does (1 is the first sample axis, -1 the last).
/// </summary>
internal sealed class ConcatenateRule : LayerRule
{
    public override string TypeName => "Concatenate";

    public override LayerArity Arity => LayerArity.Many;

    public override void Infer(LayerInference layer)
    {
        if (!MergeInputs.CheckRanks(layer, sizesMustMatch: false))
        {
            return;
        }

        Shape first = layer.InputShapes[0];
        int keras = layer.Int("Axis", -1);
        int axis = SampleAxis(keras, first.Rank);
        if (axis < 0)
        {
            layer.Error(ErrorKind.InvalidHyperparameter, "Axis", $"{layer.Title}: Axis {keras} is outside its inputs' axes; for inputs of shape {first} use 1..{first.Rank} or -{first.Rank}..-1 (axis 0 is the batch).");
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
                    $"{layer.Title} joins on axis {keras}, so all other dimensions must agree, but '{layer.InputName(0)}' is {first} and '{layer.InputName(i)}' is {other}. Reshape one input, or concatenate on the axis where they differ.",
                    i);
                return;
            }

            total += other[axis];
        }

        int[] dims = first.Dims.ToArray();
        dims[axis] = total;
        layer.SetOutput(Shape.Of(dims));
    }

    /// <summary>Maps a Keras axis (batch = 0) to an index into the sample shape, or -1 when out of range.</summary>
    public static int SampleAxis(int kerasAxis, int rank)
    {
        int axis = kerasAxis < 0 ? rank + kerasAxis : kerasAxis - 1;
        return axis >= 0 && axis < rank ? axis : -1;
    }
}

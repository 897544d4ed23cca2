using System.Linq;

namespace StaticKeras.Modeling.Shapes.Rules;

/// <summary>
/// <c>[Reshape(7, 7, 16)]</c>: the same values per sample in a new shape; one dimension may be
/// -1 and is then inferred, as in Keras.
/// </summary>
internal sealed class ReshapeRule : LayerRule
{
    public override string TypeName => "Reshape";

    public override void Infer(LayerInference layer)
    {
        int[] target = layer.Ints("TargetShape") ?? new int[0];
        int size = layer.Input.Size;
        string wanted = "(" + string.Join(", ", target) + ")";
        if (target.Length == 0 || target.Any(d => d == 0 || d < -1) || target.Count(d => d == -1) > 1)
        {
            layer.Error(ErrorKind.InvalidHyperparameter, "TargetShape", $"{layer.Title}: target shape {wanted} is not valid: give at least one dimension, each at least 1, with at most one -1 to infer. For input {layer.Input} ({size} values per sample), for example [Reshape({size})] or [Reshape(-1, {layer.Input.Last})].");
            return;
        }

        long known = target.Where(d => d > 0).Aggregate(1L, (a, d) => a * d);
        if (target.Contains(-1))
        {
            if (size % known != 0)
            {
                layer.Error(ErrorKind.ReshapeSizeMismatch, "TargetShape", $"{layer.Title} cannot reshape {layer.Input} ({size} values per sample) to {wanted}: {size} is not a multiple of {known}. Choose dimensions whose product divides {size}.");
                return;
            }

            target = target.Select(d => d == -1 ? (int)(size / known) : d).ToArray();
        }
        else if (known != size)
        {
            layer.Error(ErrorKind.ReshapeSizeMismatch, "TargetShape", $"{layer.Title} cannot reshape {layer.Input} ({size} values per sample) to {wanted} ({known} values). Choose a target shape whose product is {size}, or use -1 for one dimension.");
            return;
        }

        layer.SetOutput(Shape.Of(target), "TargetShape");
    }
}

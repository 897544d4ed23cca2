using System.Linq;
using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers.Core;

/// <summary><c>[Reshape]</c>'s target shape as written (one dimension may be -1).</summary>
internal sealed record ReshapeConfig(Shape Target) : LayerConfig;

/// <summary>
/// <c>[Reshape(7, 7, 16)]</c>: the same values per sample in a new shape; one dimension may be -1
/// and is then inferred, as in Keras. Row-major data is already in the new shape: the output views the input.
/// </summary>
internal sealed class Reshape : LayerDescriptor<ReshapeConfig>
{
    public override string AttributeName => "StaticKeras.ReshapeAttribute";

    public override string KerasClassName => "Reshape";

    protected override ReshapeConfig? Parse(LayerArguments a)
    {
        int[] target = a.Ints("TargetShape") ?? new int[0];
        if (target.Length == 0 || target.Any(d => d == 0 || d < -1) || target.Count(d => d == -1) > 1)
        {
            a.Error(ErrorKind.InvalidHyperparameter, "TargetShape", $"{a.Title}: target shape ({string.Join(", ", target)}) is not valid: give at least one dimension, each at least 1, with at most one -1 to infer, for example [Reshape(7, 7, 16)] or [Reshape(-1, 16)].");
            return null;
        }

        return new ReshapeConfig(Shape.Of(target));
    }

    protected override void Infer(ReshapeConfig c, LayerInference layer)
    {
        int[] target = c.Target.Dims.ToArray();
        int size = layer.Input.Size;
        string wanted = "(" + string.Join(", ", target) + ")";
        long known = target.Where(d => d > 0).Aggregate(1L, (p, d) => p * d);
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
            layer.Error(ErrorKind.ReshapeSizeMismatch, "TargetShape", $"{layer.Title} cannot reshape {layer.Input} ({size} values per sample) to {wanted} ({known} values). Choose a target shape whose product is {size}, or use -1 for one dimension, for example [Reshape({size})] or [Reshape(-1, {layer.Input.Last})].");
            return;
        }

        layer.SetOutput(Shape.Of(target), "TargetShape");
    }

    protected override void Lower(ReshapeConfig c, LayerLowering l) => l.AliasInput();

    protected override void Export(ReshapeConfig c, LayerLowering l) =>
        l.Export($"{LayerLowering.Onnx}Reshape", LayerLowering.Graph, l.Name, l.InputName(), OnnxForms.Ints(l.OutputShape.Dims));

    /// <summary>keras/src/layers/reshaping/reshape.py, <c>get_config</c>.</summary>
    protected override void ToKeras(ReshapeConfig c, KerasConfigWriter k) => k.Ints("target_shape", c.Target.Dims);

    public override void ReadKerasConfig(KerasConfigReader k) => k.Ints("target_shape", "TargetShape");
}

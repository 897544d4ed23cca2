using System.Linq;
using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers.Activations;

/// <summary>Keras's <c>PReLU(alpha_initializer="Zeros", shared_axes=None)</c>; axes are 1-based after the batch.</summary>
internal sealed record PReLUConfig(string AlphaInitializer, EquatableArray<int> SharedAxes) : LayerConfig;

/// <summary>
/// <c>[PReLU]</c>: <c>x</c> from 0 on, <c>alpha · x</c> below, with a trainable alpha of the input's
/// shape, 1 along the shared axes (keras/src/layers/activations/prelu.py).
/// </summary>
internal sealed class PReLU : LayerDescriptor<PReLUConfig>
{
    public override string AttributeName => "StaticKeras.PReLUAttribute";

    public override string KerasClassName => "PReLU";

    protected override PReLUConfig Parse(LayerArguments a) =>
        new(a.Initializer("AlphaInitializer", "zeros"), EquatableArray.Create(a.Ints("SharedAxes") ?? new int[0]));

    protected override void Infer(PReLUConfig c, LayerInference layer)
    {
        int[] alpha = layer.Input.Dims.ToArray();
        foreach (int axis in c.SharedAxes)
        {
            if (axis < 1 || axis > alpha.Length)
            {
                layer.Error(ErrorKind.InvalidHyperparameter, "SharedAxes", $"{layer.Title}: shared axis {axis} is outside its input {layer.Input}; use 1..{alpha.Length} (axis 0 is the batch).");
                return;
            }

            alpha[axis - 1] = 1;
        }

        layer.AddWeight("alpha", Shape.Of(alpha), c.AlphaInitializer, alpha.Aggregate(1, (p, d) => p * d), alpha.Aggregate(1, (p, d) => p * d));
        layer.SetOutput(layer.Input);
    }

    protected override void Lower(PReLUConfig c, LayerLowering l)
    {
        Shape shape = l.OutputShape;
        int[] alpha = l.Layer.Weights[0].Dims.ToArray();
        // Static arrays, not collection expressions: a collection expression passed as a span argument allocates in Debug builds.
        OpArg dims = l.Field("_shape", "int[]", "[" + string.Join(", ", shape.Dims) + "]", $"the sample shape {l.Layer.Path} broadcasts alpha over");
        OpArg alphaDims = l.Field("_alpha_shape", "int[]", "[" + string.Join(", ", alpha) + "]", $"the shape of {l.Layer.Path}'s alpha (1 on shared axes)");
        l.Forward($"{LayerLowering.Kernels}PReluKernel.Forward", l.Input(), l.Weight("alpha"), l.Output, OpArg.Batch, dims, alphaDims);
        l.Backward(
            $"{LayerLowering.Kernels}PReluKernel.Backward",
            l.Input(), l.Weight("alpha"), l.OutputGradient, l.WeightGradient("alpha"), l.InputGradient(), OpArg.Batch, dims, alphaDims, l.Accumulate().Named("accumulate"));
    }

    protected override void Export(PReLUConfig c, LayerLowering l)
    {
        // ONNX's PRelu broadcasts its slope from the right, as alpha's shape (1 on shared axes) lines up with the sample's.
        OpArg slope = OpArg.Format("graph.AddInitializer({0}, {1}, {2})", OpArg.Code(LayerLowering.Literal(l.Layer.Path + "/alpha")), OnnxForms.Ints(l.Layer.Weights[0].Dims), l.Weight("alpha"));
        l.Export("graph.AddNode", OpArg.Code("\"PRelu\""), l.Name, OpArg.Format("[{0}, {1}]", l.InputName(), slope));
    }

    /// <summary>keras/src/layers/activations/prelu.py, <c>get_config</c> (<c>shared_axes</c> None when empty).</summary>
    protected override void ToKeras(PReLUConfig c, KerasConfigWriter k) => k
        .Initializer("alpha_initializer", c.AlphaInitializer).None("alpha_regularizer", "alpha_constraint")
        .Ints("shared_axes", c.SharedAxes.Count == 0 ? null : c.SharedAxes);

    public override void ReadKerasConfig(KerasConfigReader k)
    {
        k.Initializer("alpha_initializer", "AlphaInitializer");
        k.MustBeNone("alpha_regularizer", "alpha_constraint");
        k.Ints("shared_axes", "SharedAxes");
    }
}

using System.Linq;
using System;
using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers.Preprocessing;

/// <summary>Keras's <c>Discretization(bin_boundaries, output_mode="int")</c> (keras/src/layers/preprocessing/discretization.py).</summary>
internal sealed record DiscretizationConfig(EquatableArray<double> BinBoundaries, string OutputMode) : LayerConfig;

/// <summary>
/// <c>[Discretization(0.0, 1.0, 2.0)]</c>: each value's bin index (<c>numpy.digitize</c>), as is or
/// encoded. A step function, so a layer before it gets a zero gradient (its derivative is 0
/// almost everywhere; Keras has none).
/// </summary>
internal sealed class Discretization : LayerDescriptor<DiscretizationConfig>
{
    public override string AttributeName => "StaticKeras.DiscretizationAttribute";

    public override string KerasClassName => "Discretization";

    protected override DiscretizationConfig? Parse(LayerArguments a)
    {
        double[] boundaries = a.Numbers("BinBoundaries") ?? new double[0];
        string mode = a.Choice("OutputMode", CategoricalOutput.Int, CategoricalOutput.Int, CategoricalOutput.OneHot, CategoricalOutput.MultiHot, CategoricalOutput.Count);
        if (boundaries.Length == 0 || boundaries.Any(b => !(Math.Abs(b) <= float.MaxValue)) || Enumerable.Range(1, boundaries.Length - 1).Any(i => !(boundaries[i] > boundaries[i - 1])))
        {
            a.Error(ErrorKind.InvalidHyperparameter, "BinBoundaries", $"{a.Title}: BinBoundaries must be one or more finite numbers, strictly increasing; got {a.Written("BinBoundaries")}. For example [Discretization(0.0, 1.0, 2.0)] makes the bins (-inf, 0), [0, 1), [1, 2), [2, inf).");
        }

        return a.Failed ? null : new DiscretizationConfig(EquatableArray.Create(boundaries), mode);
    }

    protected override void Infer(DiscretizationConfig c, LayerInference layer) =>
        layer.SetOutput(CategoricalOutput.Of(layer.Input, c.OutputMode, c.BinBoundaries.Count + 1), "BinBoundaries");

    protected override void Lower(DiscretizationConfig c, LayerLowering l)
    {
        Shape input = l.InputShape();
        OpArg boundaries = l.Field("_boundaries", "float[]", "new float[] { " + string.Join(", ", c.BinBoundaries.Select(OpArg.FloatLiteral)) + " }", "The layer's bin boundaries");
        OpArg bins = c.OutputMode == CategoricalOutput.Int ? l.Output : l.Buffer("bins", input.Size, "each value's bin index, before encoding");
        l.Describe($"{c.BinBoundaries.Count + 1} bins" + (c.OutputMode == CategoricalOutput.Int ? string.Empty : ", " + c.OutputMode));
        l.Forward($"{LayerLowering.Kernels}DiscretizationKernel.Forward", l.Input(), bins, boundaries);
        CategoricalOutput.Lower(l, bins, input, c.OutputMode, c.BinBoundaries.Count + 1);
    }

    /// <summary>keras/src/layers/preprocessing/discretization.py, <c>get_config</c>.</summary>
    protected override void ToKeras(DiscretizationConfig c, KerasConfigWriter k) => k
        .Floats("bin_boundaries", c.BinBoundaries).None("num_bins").Float("epsilon", 0.01).Text("output_mode", c.OutputMode).Bool("sparse", false);

    public override void ReadKerasConfig(KerasConfigReader k)
    {
        k.Numbers("bin_boundaries", "BinBoundaries");
        k.MustBeNone("num_bins");
        k.Text("output_mode", "OutputMode");
        k.Ignore("epsilon", "sparse");
    }
}

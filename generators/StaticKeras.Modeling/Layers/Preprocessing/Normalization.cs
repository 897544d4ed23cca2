using System.Collections.Generic;
using System.Linq;
using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Layers.Merging;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers.Preprocessing;

/// <summary>
/// Keras's <c>Normalization(axis=-1, mean=None, variance=None, invert=False)</c>
/// (keras/src/layers/preprocessing/normalization.py); <see cref="Axis"/> in Keras's numbering
/// (empty for <c>None</c>), <see cref="Mean"/> and <see cref="Variance"/> empty unless given.
/// </summary>
internal sealed record NormalizationConfig(EquatableArray<int> Axis, EquatableArray<double> Mean, EquatableArray<double> Variance, bool Invert) : LayerConfig
{
    /// <summary>True when the statistics were given, so they are constants and the layer has no weights.</summary>
    public bool Given => Mean.Count > 0;
}

/// <summary>
/// <c>[Normalization]</c>: <c>(x − mean) / max(√variance, 1e−7)</c> per index of the kept axes.
/// Adapted (no statistics given), it declares Keras's non-trainable weights <c>mean</c> and
/// <c>variance</c> of the kept axes' shape and a scalar <c>count</c>, which <c>Adapt</c> fills;
/// given, the statistics are constants broadcast as Keras's <c>build</c> broadcasts them.
/// </summary>
internal sealed class Normalization : LayerDescriptor<NormalizationConfig>
{
    public override string AttributeName => "StaticKeras.NormalizationAttribute";

    public override string KerasClassName => "Normalization";

    protected override NormalizationConfig? Parse(LayerArguments a)
    {
        int[] axis = a.Has("Axis") ? a.Ints("Axis") ?? new int[0] : new[] { -1 };
        double[] mean = a.Numbers("Mean") ?? new double[0], variance = a.Numbers("Variance") ?? new double[0];
        if (mean.Length != variance.Length)
        {
            a.Error(ErrorKind.InvalidHyperparameter, mean.Length < variance.Length ? "Mean" : "Variance", $"{a.Title}: Mean has {mean.Length} values and Variance {variance.Length}; give both with the same length, or neither and adapt the layer to data (model.Adapt(x)).");
            return null;
        }

        if (a.FloatsAreFinite("Mean", mean) && a.FloatsAreFinite("Variance", variance) && variance.Any(v => v < 0))
        {
            a.Error(ErrorKind.InvalidHyperparameter, "Variance", $"{a.Title}: Variance cannot be negative; got {a.Written("Variance")}.");
        }

        return a.Failed ? null : new NormalizationConfig(EquatableArray.Create(axis), EquatableArray.Create(mean), EquatableArray.Create(variance), a.Bool("Invert", false));
    }

    protected override void Infer(NormalizationConfig c, LayerInference layer)
    {
        int[]? kept = KeptAxes(c, layer.Input);
        if (kept is null)
        {
            layer.Error(ErrorKind.InvalidHyperparameter, "Axis", $"{layer.Title}: Axis {PreprocessingArguments.Format(c.Axis.Select(x => (double)x))} is outside its input {layer.Input}; use axes 1..{layer.Input.Rank} or -{layer.Input.Rank}..-1 (axis 0 is the batch, which is never kept).");
            return;
        }

        int[] keptDims = kept.Select(a => layer.Input[a]).ToArray();
        int size = keptDims.Aggregate(1, (p, d) => p * d);
        if (c.Given && Broadcast(c.Mean, keptDims) is null)
        {
            layer.Error(ErrorKind.InvalidHyperparameter, "Mean", $"{layer.Title}: Mean and Variance have {c.Mean.Count} values, which do not broadcast to the kept axes' shape {Shape.Of(keptDims).ToStringWithoutBatch()}; give 1 value, {(keptDims.Length == 0 ? 1 : keptDims[keptDims.Length - 1])} (one per index of the last kept axis) or {size}.");
            return;
        }

        if (!c.Given)
        {
            // Keras's build(): mean "zeros", variance "ones", count "zeros", all trainable=False.
            layer.AddWeight("mean", Shape.Of(keptDims), "zeros", size, size, trainable: false);
            layer.AddWeight("variance", Shape.Of(keptDims), "ones", size, size, trainable: false);
            layer.AddWeight("count", Shape.Of(), "zeros", 1, 1, trainable: false);
        }

        layer.SetOutput(layer.Input);
    }

    protected override void Lower(NormalizationConfig c, LayerLowering l)
    {
        Shape shape = l.OutputShape;
        int[] kept = KeptAxes(c, shape)!;
        int[] keptDims = kept.Select(a => shape[a]).ToArray();
        int size = keptDims.Aggregate(1, (p, d) => p * d);
        OpArg mean = c.Given ? Constant(l, "_mean", Broadcast(c.Mean, keptDims)!, "mean") : l.Weight("mean");
        OpArg variance = c.Given ? Constant(l, "_variance", Broadcast(c.Variance, keptDims)!, "variance") : l.Weight("variance");
        OpArg std = l.Buffer("std", size, "max(√variance, 1e-7) per kept index", perSample: false);
        // Static arrays, not collection expressions: a [3] argument allocates an array per call.
        OpArg dims = l.Field("_shape", "int[]", "new int[] { " + string.Join(", ", shape.Dims) + " }", "The sample shape");
        OpArg keptShape = l.Field("_kept_shape", "int[]", "new int[] { " + string.Join(", ", Enumerable.Range(0, shape.Rank).Select(a => kept.Contains(a) ? shape[a] : 1)) + " }", "The sample shape with 1 on every reduced axis");
        OpArg invert = OpArg.Bool(c.Invert).Named("invert");
        l.Describe((c.Invert ? "inverted, " : string.Empty) + (kept.Length == 0 ? "one mean and variance" : $"{size} means and variances") + (c.Given ? " given" : " (adapted)"));
        l.Forward($"{LayerLowering.Kernels}NormalizationKernel.Forward", l.Input(), mean, variance, l.Output, std, OpArg.Batch, dims, keptShape, invert);
        if (l.NeedsInputGradient())
        {
            l.Backward($"{LayerLowering.Kernels}NormalizationKernel.Backward", l.OutputGradient, variance, l.InputGradient(), std, OpArg.Batch, dims, keptShape, invert, l.Accumulate().Named("accumulate"));
        }
    }

    /// <summary>The kept sample axes, sorted (Keras's <c>_keep_axis</c> less the batch), or null when one is out of range.</summary>
    private static int[]? KeptAxes(NormalizationConfig c, Shape input)
    {
        var kept = new SortedSet<int>();
        foreach (int axis in c.Axis)
        {
            int sample = Concatenate.SampleAxis(axis, input.Rank);
            if (sample < 0)
            {
                return null;
            }

            kept.Add(sample);
        }

        return kept.ToArray();
    }

    /// <summary>
    /// Given statistics over the kept axes' shape, as Keras's <c>build</c> broadcasts them: one
    /// value everywhere, one per index of the last kept axis (repeated over the others), or all.
    /// </summary>
    private static double[]? Broadcast(EquatableArray<double> values, int[] keptDims)
    {
        int size = keptDims.Aggregate(1, (p, d) => p * d);
        int last = keptDims.Length == 0 ? 1 : keptDims[keptDims.Length - 1];
        if (values.Count != 1 && values.Count != last && values.Count != size)
        {
            return null;
        }

        return Enumerable.Range(0, size).Select(i => values[values.Count == 1 ? 0 : i % values.Count]).ToArray();
    }

    private static OpArg Constant(LayerLowering l, string suffix, double[] values, string what) =>
        l.Field(suffix, "float[]", "new float[] { " + string.Join(", ", values.Select(OpArg.FloatLiteral)) + " }", $"The layer's given {what}, broadcast to its kept axes");

    /// <summary>keras/src/layers/preprocessing/normalization.py, <c>get_config</c> (axis a tuple or None; mean and variance None unless given).</summary>
    protected override void ToKeras(NormalizationConfig c, KerasConfigWriter k) => k
        .Ints("axis", c.Axis.Count == 0 ? null : c.Axis).Bool("invert", c.Invert)
        .Floats("mean", c.Given ? c.Mean : null).Floats("variance", c.Given ? c.Variance : null);

    public override void ReadKerasConfig(KerasConfigReader k)
    {
        // None keeps no axis; an absent axis is Keras's default -1.
        if (k.Value("axis") is { Kind: Saving.Json.JsonKind.Null })
        {
            k.Argument("Axis", Specs.ArgumentValue.FromNumbers());
        }
        else
        {
            k.Ints("axis", "Axis");
        }

        k.Bool("invert", "Invert");
        k.Numbers("mean", "Mean");
        k.Numbers("variance", "Variance");
    }
}

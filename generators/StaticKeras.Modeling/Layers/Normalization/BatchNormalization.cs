using System.Globalization;
using System.Linq;
using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Layers.Merging;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;
using StaticKeras.Saving.Json;

namespace StaticKeras.Modeling.Layers.Normalization;

/// <summary>Keras's <c>BatchNormalization</c> arguments (keras/src/layers/normalization/batch_normalization.py).</summary>
internal sealed record BatchNormalizationConfig(
    int Axis,
    double Momentum,
    double Epsilon,
    bool Center,
    bool Scale,
    string BetaInitializer,
    string GammaInitializer,
    string MovingMeanInitializer,
    string MovingVarianceInitializer) : LayerConfig;

/// <summary>
/// <c>[BatchNormalization]</c>: <c>gamma · (x − mean) / √(variance + epsilon) + beta</c> per
/// channel of <c>Axis</c>. Training normalises with the batch's statistics (biased variance),
/// keeps the mean and inverse deviation for backward, and moves the moving statistics toward them
/// (<c>moving · momentum + batch · (1 − momentum)</c>); inference uses the moving statistics.
/// Weights in Keras's order: gamma, beta (trainable), moving_mean, moving_variance (not).
/// </summary>
internal sealed class BatchNormalization : LayerDescriptor<BatchNormalizationConfig>
{
    private const string Kernel = LayerLowering.Kernels + "BatchNormKernel.";

    public override string AttributeName => "StaticKeras.BatchNormalizationAttribute";

    public override string KerasClassName => "BatchNormalization";

    protected override BatchNormalizationConfig? Parse(LayerArguments a)
    {
        int axis = a.Int("Axis", -1);
        double momentum = a.Number("Momentum", 0.99);
        double epsilon = a.Number("Epsilon", 1e-3);
        bool center = a.Bool("Center", true);
        bool scale = a.Bool("Scale", true);
        string beta = a.Initializer("BetaInitializer", "zeros");
        string gamma = a.Initializer("GammaInitializer", "ones");
        string movingMean = a.Initializer("MovingMeanInitializer", "zeros");
        string movingVariance = a.Initializer("MovingVarianceInitializer", "ones");
        if (!(momentum >= 0 && momentum <= 1))
        {
            a.Error(ErrorKind.InvalidHyperparameter, "Momentum", $"{a.Title}: Momentum must be between 0 and 1 (the share of the moving statistics kept each step); got {LayerArguments.Format(momentum)}. Keras's default is 0.99.");
            return null;
        }

        if (!(epsilon > 0))
        {
            a.Error(ErrorKind.InvalidHyperparameter, "Epsilon", $"{a.Title}: Epsilon must be above 0 (it keeps the division finite); got {LayerArguments.Format(epsilon)}. Keras's default is 0.001.");
            return null;
        }

        return axis == 0
            ? Fail(a)
            : new BatchNormalizationConfig(axis, momentum, epsilon, center, scale, beta, gamma, movingMean, movingVariance);
    }

    protected override void Infer(BatchNormalizationConfig c, LayerInference layer)
    {
        Shape input = layer.Input;
        int axis = Concatenate.SampleAxis(c.Axis, input.Rank);
        if (axis < 0)
        {
            layer.Error(ErrorKind.InvalidHyperparameter, "Axis", $"{layer.Title}: Axis {c.Axis} is outside its input {input}; use 1..{input.Rank} or -{input.Rank}..-1 (-1, the channels, is Keras's default; axis 0 is the batch).");
            return;
        }

        int channels = input[axis];
        if (c.Scale)
        {
            layer.AddWeight("gamma", Shape.Of(channels), c.GammaInitializer, channels, channels);
        }

        if (c.Center)
        {
            layer.AddWeight("beta", Shape.Of(channels), c.BetaInitializer, channels, channels);
        }

        layer.AddWeight("moving_mean", Shape.Of(channels), c.MovingMeanInitializer, channels, channels, trainable: false);
        layer.AddWeight("moving_variance", Shape.Of(channels), c.MovingVarianceInitializer, channels, channels, trainable: false);
        layer.SetOutput(input);
    }

    protected override void Lower(BatchNormalizationConfig c, LayerLowering l)
    {
        Shape input = l.InputShape();
        int axis = Concatenate.SampleAxis(c.Axis, input.Rank);
        int channels = input[axis];
        int outer = input.Dims.Take(axis).Aggregate(1, (p, d) => p * d);
        int inner = input.Dims.Skip(axis + 1).Aggregate(1, (p, d) => p * d);
        OpArg shape = OpArg.Format($"new({{0}}, {channels}, {inner})", OpArg.PerBatch(outer)).Named("shape");
        OpArg epsilon = OpArg.Code(c.Epsilon.ToString("R", CultureInfo.InvariantCulture)).Named("epsilon");
        OpArg scratch = l.Buffer("scratch", 6 * channels, "op-local sums and coefficients", perSample: false);
        OpArg gamma = l.WeightOrDefault("gamma"), beta = l.WeightOrDefault("beta");
        l.Describe(inner == 1 ? $"{channels} channels" : $"{channels} channels on axis {c.Axis}");
        if (!l.Training)
        {
            l.Forward(Kernel + "ForwardInference", l.Input(), gamma, beta, l.Weight("moving_mean"), l.Weight("moving_variance"), l.Output, shape, epsilon, scratch);
            return;
        }

        OpArg mean = l.Buffer("mean", channels, "the batch mean, for backward", perSample: false);
        OpArg inverseStd = l.Buffer("inverse_std", channels, "1 / √(batch variance + epsilon), for backward", perSample: false);
        OpArg momentum = OpArg.Code(c.Momentum.ToString("R", CultureInfo.InvariantCulture)).Named("momentum");
        l.Forward(
            Kernel + "ForwardTraining",
            l.Input(), gamma, beta, l.State("moving_mean"), l.State("moving_variance"), l.Output, mean, inverseStd, shape, momentum, epsilon, scratch);
        l.Backward(
            Kernel + "BackwardTraining",
            l.Input(), l.OutputGradient, gamma, mean, inverseStd, l.InputGradient(), l.WeightGradientOrDefault("gamma"), l.WeightGradientOrDefault("beta"),
            l.Accumulate().Named("accumulateDx"), shape, scratch);
    }

    protected override void Export(BatchNormalizationConfig c, LayerLowering l)
    {
        Shape input = l.InputShape();
        if (Concatenate.SampleAxis(c.Axis, input.Rank) != input.Rank - 1)
        {
            l.CannotExport($"its Axis {c.Axis} is not the last axis, which is the only one the ONNX writer normalises");
            return;
        }

        l.Export(
            LayerLowering.Onnx + "BatchNormalization",
            LayerLowering.Graph, l.Name, l.InputName(), l.WeightOrDefault("gamma"), l.WeightOrDefault("beta"), l.Weight("moving_mean"), l.Weight("moving_variance"),
            OpArg.Int(input.Rank + 1).Named("rank"), OpArg.Code(((float)c.Epsilon).ToString("R", CultureInfo.InvariantCulture) + "f").Named("epsilon"));
    }

    protected override void ToKeras(BatchNormalizationConfig c, KerasConfigWriter k) => k
        .Int("axis", c.Axis).Float("momentum", c.Momentum).Float("epsilon", c.Epsilon).Bool("center", c.Center).Bool("scale", c.Scale)
        .Initializer("beta_initializer", c.BetaInitializer).Initializer("gamma_initializer", c.GammaInitializer)
        .Initializer("moving_mean_initializer", c.MovingMeanInitializer).Initializer("moving_variance_initializer", c.MovingVarianceInitializer)
        .None("beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint").Bool("synchronized", false);

    public override void ReadKerasConfig(KerasConfigReader k)
    {
        // tf.keras wrote the axis as a one-element list ([3]); Keras 3 as a number.
        if (k.Value("axis") is { Kind: JsonKind.Array, Items.Count: 1 } list && list.Items[0].Kind == JsonKind.Number)
        {
            k.Argument("Axis", ArgumentValue.FromNumber(KerasConfigReader.Number(list.Items[0])));
            k.Ignore("axis");
        }
        else
        {
            k.Int("axis", "Axis");
        }

        k.Number("momentum", "Momentum");
        k.Number("epsilon", "Epsilon");
        k.Bool("center", "Center");
        k.Bool("scale", "Scale");
        k.Initializer("beta_initializer", "BetaInitializer");
        k.Initializer("gamma_initializer", "GammaInitializer");
        k.Initializer("moving_mean_initializer", "MovingMeanInitializer");
        k.Initializer("moving_variance_initializer", "MovingVarianceInitializer");
        k.MustBeNone("beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint");
        foreach (string off in new[] { "synchronized", "renorm" })
        {
            if (k.Value(off) is { Kind: JsonKind.True } on)
            {
                k.Problem(off, on, "StaticKeras normalises with this replica's batch only, without renormalisation");
            }
        }

        k.Ignore("synchronized", "renorm", "renorm_clipping", "renorm_momentum");
    }

    private static BatchNormalizationConfig? Fail(LayerArguments a)
    {
        a.Error(ErrorKind.InvalidHyperparameter, "Axis", $"{a.Title}: Axis 0 is the batch, which BatchNormalization cannot normalise over; use -1 (the channels, Keras's default) or another axis of the sample.");
        return null;
    }
}

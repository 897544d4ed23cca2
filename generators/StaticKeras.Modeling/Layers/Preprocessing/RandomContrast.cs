using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers.Preprocessing;

/// <summary>Keras's <c>RandomContrast(factor, value_range=(0, 255), seed=None)</c> (keras/src/layers/preprocessing/image_preprocessing/random_contrast.py).</summary>
internal sealed record RandomContrastConfig(double Lower, double Upper, double Low, double High, int Seed) : LayerConfig;

/// <summary><c>[RandomContrast(0.2)]</c>: while training, each image's channels scaled about their means by a factor in <c>[1 − lower, 1 + upper]</c>, clipped to the value range.</summary>
internal sealed class RandomContrast : LayerDescriptor<RandomContrastConfig>
{
    public override string AttributeName => "StaticKeras.RandomContrastAttribute";

    public override string KerasClassName => "RandomContrast";

    protected override RandomContrastConfig? Parse(LayerArguments a)
    {
        var factor = a.Factor("Factor", FactorRule.Contrast);
        double[] range = a.Numbers("ValueRange") ?? new double[] { 0, 255 };
        if (range.Length != 2 || !(range[0] < range[1]))
        {
            a.Error(ErrorKind.InvalidHyperparameter, "ValueRange", $"{a.Title}: ValueRange must be two numbers, low then high; got {a.Written("ValueRange")}. Use [0, 255] for bytes or [0, 1] for scaled images.");
        }
        else
        {
            a.FloatsAreFinite("ValueRange", range);
        }

        return a.Failed || factor is null ? null : new RandomContrastConfig(factor.Value.Lower, factor.Value.Upper, range[0], range[1], a.Int("Seed", 0));
    }

    protected override void Infer(RandomContrastConfig c, LayerInference layer) => ImageLayers.InferImage(layer);

    protected override void Lower(RandomContrastConfig c, LayerLowering l)
    {
        if (ImageLayers.AliasUnlessTraining(l, identity: false))
        {
            return;
        }

        Shape shape = l.OutputShape;
        OpArg factors = l.Buffer("factors", 1, "each image's contrast factor");
        OpArg low = OpArg.Float(c.Low).Named("low"), high = OpArg.Float(c.High).Named("high");
        OpArg pixels = OpArg.Int(shape[0] * shape[1]).Named("pixels"), channels = OpArg.Int(shape[2]).Named("channels");
        l.Describe($"factors in {ImageLayers.Range((1 - c.Lower, 1 + c.Upper))}, clipped to {ImageLayers.Range((c.Low, c.High))}");
        l.Forward($"{LayerLowering.Kernels}RandomContrastKernel.ForwardTraining", l.Input(), l.Output, factors, OpArg.Float(c.Lower).Named("lower"), OpArg.Float(c.Upper).Named("upper"), low, high, l.Random(c.Seed), OpArg.Batch, pixels, channels);
        if (l.NeedsInputGradient())
        {
            l.Backward($"{LayerLowering.Kernels}RandomContrastKernel.Backward", l.Input(), l.OutputGradient, l.InputGradient(), factors, low, high, OpArg.Batch, pixels, channels, l.Accumulate().Named("accumulate"));
        }
    }

    /// <summary>keras/src/layers/preprocessing/image_preprocessing/random_contrast.py, <c>get_config</c>.</summary>
    protected override void ToKeras(RandomContrastConfig c, KerasConfigWriter k) =>
        k.Floats("factor", new[] { c.Lower, c.Upper }).Floats("value_range", new[] { c.Low, c.High }).Seed("seed", c.Seed);
}

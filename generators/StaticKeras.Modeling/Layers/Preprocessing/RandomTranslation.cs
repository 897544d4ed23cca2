using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers.Preprocessing;

/// <summary>Keras's <c>RandomTranslation(height_factor, width_factor, fill_mode, interpolation, seed, fill_value)</c> (keras/src/layers/preprocessing/image_preprocessing/random_translation.py).</summary>
internal sealed record RandomTranslationConfig((double Lower, double Upper) Height, (double Lower, double Upper) Width, SamplingConfig Sampling) : LayerConfig;

/// <summary><c>[RandomTranslation(0.1, 0.1)]</c>: while training, each image shifted by fractions of its height and width.</summary>
internal sealed class RandomTranslation : LayerDescriptor<RandomTranslationConfig>
{
    public override string AttributeName => "StaticKeras.RandomTranslationAttribute";

    public override string KerasClassName => "RandomTranslation";

    protected override RandomTranslationConfig? Parse(LayerArguments a)
    {
        var height = a.Factor("HeightFactor", FactorRule.Translation);
        var width = a.Factor("WidthFactor", FactorRule.Translation);
        SamplingConfig sampling = SamplingConfig.Parse(a);
        return a.Failed || height is null || width is null ? null : new RandomTranslationConfig(height.Value, width.Value, sampling);
    }

    protected override void Infer(RandomTranslationConfig c, LayerInference layer) => ImageLayers.InferImage(layer);

    protected override void Lower(RandomTranslationConfig c, LayerLowering l)
    {
        if (ImageLayers.AliasUnlessTraining(l, c.Height == (0, 0) && c.Width == (0, 0)))
        {
            return;
        }

        l.Describe($"shifts {ImageLayers.Range(c.Height)} · height, {ImageLayers.Range(c.Width)} · width, {c.Sampling.Describe()}");
        ImageLayers.LowerAffine(
            l,
            c.Sampling,
            "Translations",
            new[] { OpArg.Float(c.Height.Lower).Named("heightLower"), OpArg.Float(c.Height.Upper).Named("heightUpper"), OpArg.Float(c.Width.Lower).Named("widthLower"), OpArg.Float(c.Width.Upper).Named("widthUpper") });
    }

    /// <summary>keras/src/layers/preprocessing/image_preprocessing/random_translation.py, <c>get_config</c>.</summary>
    protected override void ToKeras(RandomTranslationConfig c, KerasConfigWriter k) =>
        c.Sampling.ToKeras(k.Floats("height_factor", new[] { c.Height.Lower, c.Height.Upper }).Floats("width_factor", new[] { c.Width.Lower, c.Width.Upper }));
}

using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers.Preprocessing;

/// <summary>
/// Keras's <c>RandomZoom(height_factor, width_factor=None, fill_mode, interpolation, seed, fill_value)</c>
/// (keras/src/layers/preprocessing/image_preprocessing/random_zoom.py); <see cref="Width"/> null keeps the aspect ratio.
/// </summary>
internal sealed record RandomZoomConfig((double Lower, double Upper) Height, (double Lower, double Upper)? Width, SamplingConfig Sampling) : LayerConfig;

/// <summary><c>[RandomZoom(0.2)]</c>: while training, each image scaled about its centre by <c>1 + f</c> (positive zooms out).</summary>
internal sealed class RandomZoom : LayerDescriptor<RandomZoomConfig>
{
    public override string AttributeName => "StaticKeras.RandomZoomAttribute";

    public override string KerasClassName => "RandomZoom";

    protected override RandomZoomConfig? Parse(LayerArguments a)
    {
        var height = a.Factor("HeightFactor", FactorRule.Zoom);
        var width = a.Has("WidthFactor") ? a.Factor("WidthFactor", FactorRule.Zoom) : null;
        SamplingConfig sampling = SamplingConfig.Parse(a);
        return a.Failed || height is null ? null : new RandomZoomConfig(height.Value, width, sampling);
    }

    protected override void Infer(RandomZoomConfig c, LayerInference layer) => ImageLayers.InferImage(layer);

    protected override void Lower(RandomZoomConfig c, LayerLowering l)
    {
        var width = c.Width ?? c.Height;
        if (ImageLayers.AliasUnlessTraining(l, c.Height == (0, 0) && width == (0, 0)))
        {
            return;
        }

        l.Describe($"zooms 1 + {ImageLayers.Range(c.Height)}{(c.Width is null ? " both ways" : $" × 1 + {ImageLayers.Range(width)}")}, {c.Sampling.Describe()}");
        ImageLayers.LowerAffine(
            l,
            c.Sampling,
            "Zooms",
            new[]
            {
                OpArg.Float(c.Height.Lower).Named("heightLower"), OpArg.Float(c.Height.Upper).Named("heightUpper"),
                OpArg.Float(width.Lower).Named("widthLower"), OpArg.Float(width.Upper).Named("widthUpper"), OpArg.Bool(c.Width is null).Named("keepAspect"),
            });
    }

    /// <summary>keras/src/layers/preprocessing/image_preprocessing/random_zoom.py, <c>get_config</c>.</summary>
    protected override void ToKeras(RandomZoomConfig c, KerasConfigWriter k) =>
        c.Sampling.ToKeras(k.Floats("height_factor", new[] { c.Height.Lower, c.Height.Upper }).Floats("width_factor", c.Width is { } w ? new[] { w.Lower, w.Upper } : null));
}

using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers.Preprocessing;

/// <summary>Keras's <c>RandomRotation(factor, fill_mode, interpolation, seed, fill_value)</c> (keras/src/layers/preprocessing/image_preprocessing/random_rotation.py).</summary>
internal sealed record RandomRotationConfig(double Lower, double Upper, SamplingConfig Sampling) : LayerConfig;

/// <summary><c>[RandomRotation(0.1)]</c>: while training, each image rotated by <c>[lower, upper] · 360°</c> about its centre.</summary>
internal sealed class RandomRotation : LayerDescriptor<RandomRotationConfig>
{
    public override string AttributeName => "StaticKeras.RandomRotationAttribute";

    public override string KerasClassName => "RandomRotation";

    protected override RandomRotationConfig? Parse(LayerArguments a)
    {
        var factor = a.Factor("Factor", FactorRule.Rotation);
        SamplingConfig sampling = SamplingConfig.Parse(a);
        return a.Failed || factor is null ? null : new RandomRotationConfig(factor.Value.Lower, factor.Value.Upper, sampling);
    }

    protected override void Infer(RandomRotationConfig c, LayerInference layer) => ImageLayers.InferImage(layer);

    protected override void Lower(RandomRotationConfig c, LayerLowering l)
    {
        if (ImageLayers.AliasUnlessTraining(l, c.Lower == 0 && c.Upper == 0))
        {
            return;
        }

        l.Describe($"angles {ImageLayers.Range((c.Lower, c.Upper))} · 360°, {c.Sampling.Describe()}");
        ImageLayers.LowerAffine(l, c.Sampling, "Rotations", new[] { OpArg.Float(c.Lower).Named("lower"), OpArg.Float(c.Upper).Named("upper") });
    }

    /// <summary>keras/src/layers/preprocessing/image_preprocessing/random_rotation.py, <c>get_config</c>.</summary>
    protected override void ToKeras(RandomRotationConfig c, KerasConfigWriter k) =>
        c.Sampling.ToKeras(k.Floats("factor", new[] { c.Lower, c.Upper }));
}

using StaticKeras.Modeling.Layers.Preprocessing;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Keras;

namespace StaticKeras.Modeling.Layers.Regularization;

/// <summary>Keras's <c>GaussianNoise(stddev, seed=None)</c> arguments; <c>Seed</c> 0 draws from the model's stream.</summary>
internal sealed record GaussianNoiseConfig(double Stddev, int Seed) : LayerConfig;

/// <summary>
/// <c>[GaussianNoise(stddev)]</c> (keras/src/layers/regularization/gaussian_noise.py): while
/// training, <c>x + N(0, stddev²)</c> through <c>GaussianNoiseKernel</c>; the noise is additive, so
/// the gradient passes through unchanged and nothing is cached. A view of its input at inference.
/// </summary>
internal sealed class GaussianNoise : LayerDescriptor<GaussianNoiseConfig>
{
    public override string AttributeName => "StaticKeras.GaussianNoiseAttribute";

    public override string KerasClassName => "GaussianNoise";

    protected override GaussianNoiseConfig? Parse(LayerArguments a)
    {
        // Keras 3 checks 0 <= stddev <= 1 in the constructor.
        double stddev = a.Number("Stddev", double.NaN);
        if (!(stddev >= 0 && stddev <= 1))
        {
            a.Error(ErrorKind.InvalidHyperparameter, "Stddev", $"{a.Title}: Stddev must be in [0, 1], as Keras 3 requires; got {a.Written("Stddev")}. It is the noise's standard deviation, for example [GaussianNoise(0.1)].");
            return null;
        }

        return new GaussianNoiseConfig(stddev, a.Int("Seed", 0));
    }

    protected override void Infer(GaussianNoiseConfig c, LayerInference layer) => layer.SetOutput(layer.Input);

    protected override void Lower(GaussianNoiseConfig c, LayerLowering l)
    {
        if (ImageLayers.AliasUnlessTraining(l, identity: c.Stddev == 0))
        {
            return;
        }

        l.Describe("stddev " + LayerArguments.Format(c.Stddev));
        l.Forward($"{LayerLowering.Kernels}GaussianNoiseKernel.ForwardTraining", l.Input(), l.Output, OpArg.Code(LayerArguments.Format(c.Stddev)), l.Random(c.Seed));
        if (l.NeedsInputGradient())
        {
            l.Backward($"{LayerLowering.Kernels}GaussianNoiseKernel.Backward", l.OutputGradient, l.InputGradient(), l.Accumulate().Named("accumulate"));
        }
    }

    protected override void Export(GaussianNoiseConfig c, LayerLowering l) =>
        l.Export("graph.AddNode", OpArg.Code("\"Identity\""), l.Name, OpArg.Format("[{0}]", l.InputName()));

    protected override void ToKeras(GaussianNoiseConfig c, KerasConfigWriter k) => k.Float("stddev", c.Stddev).Seed("seed", c.Seed);

    public override void ReadKerasConfig(KerasConfigReader k)
    {
        k.Number("stddev", "Stddev");
        k.Int("seed", "Seed");
    }
}

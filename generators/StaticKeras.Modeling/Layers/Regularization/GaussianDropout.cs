using StaticKeras.Modeling.Layers.Preprocessing;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Keras;

namespace StaticKeras.Modeling.Layers.Regularization;

/// <summary>Keras's <c>GaussianDropout(rate, seed=None)</c> arguments; <c>Seed</c> 0 draws from the model's stream.</summary>
internal sealed record GaussianDropoutConfig(double Rate, int Seed) : LayerConfig;

/// <summary>
/// <c>[GaussianDropout(rate)]</c> (keras/src/layers/regularization/gaussian_dropout.py): while
/// training, <c>x · N(1, rate / (1 − rate))</c> through <c>GaussianDropoutKernel</c>, the noise kept
/// for the backward pass. A view of its input at inference.
/// </summary>
internal sealed class GaussianDropout : LayerDescriptor<GaussianDropoutConfig>
{
    public override string AttributeName => "StaticKeras.GaussianDropoutAttribute";

    public override string KerasClassName => "GaussianDropout";

    protected override GaussianDropoutConfig? Parse(LayerArguments a)
    {
        double rate = a.Rate("Rate", "the drop probability the noise stands for", "[GaussianDropout(0.2)]");
        return a.Failed ? null : new GaussianDropoutConfig(rate, a.Int("Seed", 0));
    }

    protected override void Infer(GaussianDropoutConfig c, LayerInference layer) => layer.SetOutput(layer.Input);

    protected override void Lower(GaussianDropoutConfig c, LayerLowering l)
    {
        if (ImageLayers.AliasUnlessTraining(l, identity: c.Rate == 0))
        {
            return;
        }

        l.Describe("rate " + LayerArguments.Format(c.Rate));
        OpArg noise = l.Buffer("noise", l.OutputShape.Size, "multiplicative noise, N(1, rate/(1-rate))");
        l.Forward($"{LayerLowering.Kernels}GaussianDropoutKernel.ForwardTraining", l.Input(), l.Output, noise, OpArg.Code(LayerArguments.Format(c.Rate)), l.Random(c.Seed));
        if (l.NeedsInputGradient())
        {
            l.Backward($"{LayerLowering.Kernels}GaussianDropoutKernel.Backward", l.OutputGradient, noise, l.InputGradient(), l.Accumulate().Named("accumulate"));
        }
    }

    protected override void Export(GaussianDropoutConfig c, LayerLowering l) =>
        l.Export("graph.AddNode", OpArg.Code("\"Identity\""), l.Name, OpArg.Format("[{0}]", l.InputName()));

    protected override void ToKeras(GaussianDropoutConfig c, KerasConfigWriter k) => k.Float("rate", c.Rate).Seed("seed", c.Seed);

    public override void ReadKerasConfig(KerasConfigReader k)
    {
        k.Number("rate", "Rate");
        k.Int("seed", "Seed");
    }
}

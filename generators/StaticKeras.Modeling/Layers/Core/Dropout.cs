using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers.Core;

/// <summary>Keras's <c>Dropout</c> arguments; <c>Seed</c> 0 draws from the model's stream.</summary>
internal sealed record DropoutConfig(double Rate, int Seed) : LayerConfig;

/// <summary>
/// <c>[Dropout(rate)]</c>: while training, zeroes a fraction <c>rate</c> of inputs and scales the
/// rest by <c>1/(1-rate)</c>, keeping the mask for the backward pass; the identity at inference.
/// </summary>
internal sealed class Dropout : LayerDescriptor<DropoutConfig>
{
    public override string AttributeName => "StaticKeras.DropoutAttribute";

    public override string KerasClassName => "Dropout";

    protected override DropoutConfig? Parse(LayerArguments a)
    {
        double rate = a.Number("Rate", double.NaN);
        if (!(rate >= 0 && rate < 1))
        {
            a.Error(ErrorKind.InvalidHyperparameter, "Rate", $"{a.Title}: Rate must be in [0, 1); got {a.Written("Rate")}. It is the fraction of inputs to drop, for example [Dropout(0.5)].");
            return null;
        }

        return new DropoutConfig(rate, a.Int("Seed", 0));
    }

    protected override void Infer(DropoutConfig c, LayerInference layer) => layer.SetOutput(layer.Input);

    protected override void Lower(DropoutConfig c, LayerLowering l)
    {
        if (!l.Training || c.Rate == 0)
        {
            l.Describe("the identity here: no work");
            l.AliasInput();
            return;
        }

        l.Describe("rate " + LayerArguments.Format(c.Rate));
        OpArg mask = l.Buffer("mask", l.OutputShape.Size, "dropout mask: 0 or 1/(1-rate)");
        l.Forward($"{LayerLowering.Kernels}DropoutKernel.ForwardTraining", l.Input(), l.Output, mask, OpArg.Code(LayerArguments.Format(c.Rate)), l.Random(c.Seed));
        if (l.NeedsInputGradient())
        {
            l.Backward($"{LayerLowering.Kernels}DropoutKernel.Backward", l.OutputGradient, mask, l.InputGradient(), l.Accumulate().Named("accumulate"));
        }
    }

    protected override void Export(DropoutConfig c, LayerLowering l) =>
        l.Export($"{LayerLowering.Onnx}Dropout", LayerLowering.Graph, l.Name, l.InputName(), OpArg.Float(c.Rate));

    /// <summary>keras/src/layers/regularization/dropout.py, <c>get_config</c>.</summary>
    protected override void ToKeras(DropoutConfig c, KerasConfigWriter k) => k.Float("rate", c.Rate).Seed("seed", c.Seed).None("noise_shape");

    public override void ReadKerasConfig(KerasConfigReader k)
    {
        k.Number("rate", "Rate");
        k.Int("seed", "Seed");
        k.MustBeNone("noise_shape");
    }
}

using StaticKeras.Modeling.Layers.Preprocessing;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Keras;

namespace StaticKeras.Modeling.Layers.Regularization;

/// <summary>Keras's spatial dropout arguments; <c>Seed</c> 0 draws from the model's stream.</summary>
internal sealed record SpatialDropoutConfig(double Rate, int Seed) : LayerConfig;

/// <summary>
/// SpatialDropout1D/2D (keras/src/layers/regularization/spatial_dropout.py): while training, dropout
/// with the noise shape <c>(batch, 1, [1,] channels)</c>, lowered to <c>SpatialDropoutKernel</c>
/// with the mask (one value per sample and channel) kept for the backward pass; a view of its input
/// at inference.
/// </summary>
internal abstract class SpatialDropoutLayer : LayerDescriptor<SpatialDropoutConfig>
{
    /// <summary>1 for sequences, 2 for images.</summary>
    protected abstract int SpatialAxes { get; }

    protected override SpatialDropoutConfig? Parse(LayerArguments a)
    {
        double rate = a.Rate("Rate", "the fraction of channels to drop", $"[{KerasClassName}(0.2)]");
        return a.Failed ? null : new SpatialDropoutConfig(rate, a.Int("Seed", 0));
    }

    protected override void Infer(SpatialDropoutConfig c, LayerInference layer)
    {
        if (SpatialInputs.Require(layer, SpatialAxes, KerasClassName))
        {
            layer.SetOutput(layer.Input);
        }
    }

    protected override void Lower(SpatialDropoutConfig c, LayerLowering l)
    {
        if (ImageLayers.AliasUnlessTraining(l, identity: c.Rate == 0))
        {
            return;
        }

        int channels = l.OutputShape.Last;
        OpArg positions = OpArg.Int(l.OutputShape.Size / channels).Named("positions"), count = OpArg.Int(channels).Named("channels");
        l.Describe("rate " + LayerArguments.Format(c.Rate) + ", whole channels");
        OpArg mask = l.Buffer("mask", channels, "spatial dropout mask per channel: 0 or 1/(1-rate)");
        l.Forward($"{LayerLowering.Kernels}SpatialDropoutKernel.ForwardTraining", l.Input(), l.Output, mask, OpArg.Batch, positions, count, OpArg.Code(LayerArguments.Format(c.Rate)), l.Random(c.Seed));
        if (l.NeedsInputGradient())
        {
            l.Backward($"{LayerLowering.Kernels}SpatialDropoutKernel.Backward", l.OutputGradient, mask, l.InputGradient(), OpArg.Batch, positions, count, l.Accumulate().Named("accumulate"));
        }
    }

    // At inference spatial dropout is the identity, as ONNX's Dropout without training_mode; its rate stays visible.
    protected override void Export(SpatialDropoutConfig c, LayerLowering l) =>
        l.Export($"{LayerLowering.Onnx}Dropout", LayerLowering.Graph, l.Name, l.InputName(), OpArg.Float(c.Rate));

    protected override void ToKeras(SpatialDropoutConfig c, KerasConfigWriter k)
    {
        k.Float("rate", c.Rate).Seed("seed", c.Seed);
        if (SpatialAxes == 2)
        {
            k.Text("data_format", "channels_last");
        }
    }

    public override void ReadKerasConfig(KerasConfigReader k)
    {
        k.Number("rate", "Rate");
        k.Int("seed", "Seed");
        k.MustBe("data_format", "channels_last");
        k.MustBeNone("noise_shape"); // Keras 2 writes Dropout's
    }
}

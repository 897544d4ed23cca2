using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers.Activations;

/// <summary>Keras 3's <c>LeakyReLU(negative_slope=0.3)</c>.</summary>
internal sealed record LeakyReLUConfig(double NegativeSlope) : LayerConfig;

/// <summary><c>[LeakyReLU]</c>: <c>x</c> from 0 on, <c>NegativeSlope · x</c> below; the ReLU kernel with a slope.</summary>
internal sealed class LeakyReLU : LayerDescriptor<LeakyReLUConfig>
{
    public override string AttributeName => "StaticKeras.LeakyReLUAttribute";

    public override string KerasClassName => "LeakyReLU";

    protected override LeakyReLUConfig? Parse(LayerArguments a)
    {
        double slope = a.Number("NegativeSlope", 0.3);
        if (!(slope >= 0))
        {
            a.Error(ErrorKind.InvalidHyperparameter, "NegativeSlope", $"{a.Title}: NegativeSlope must be at least 0, as Keras requires; got {a.Written("NegativeSlope")}.");
            return null;
        }

        return new LeakyReLUConfig(slope);
    }

    protected override void Infer(LeakyReLUConfig c, LayerInference layer) => layer.SetOutput(layer.Input);

    protected override void Lower(LeakyReLUConfig c, LayerLowering l) => ReLU.LowerRelu(l, double.PositiveInfinity, c.NegativeSlope, 0);

    protected override void Export(LeakyReLUConfig c, LayerLowering l) => ReLU.ExportRelu(l, double.PositiveInfinity, c.NegativeSlope, 0);

    /// <summary>keras/src/layers/activations/leaky_relu.py, <c>get_config</c>.</summary>
    protected override void ToKeras(LeakyReLUConfig c, KerasConfigWriter k) => k.Float("negative_slope", c.NegativeSlope);

    /// <summary>Keras 2 called the slope <c>alpha</c>.</summary>
    public override void ReadKerasConfig(KerasConfigReader k)
    {
        k.Number("negative_slope", "NegativeSlope");
        k.Number("alpha", "NegativeSlope");
    }
}

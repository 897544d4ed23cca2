using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers.Activations;

/// <summary>Keras's <c>ReLU(max_value=None, negative_slope=0.0, threshold=0.0)</c> (keras/src/layers/activations/relu.py).</summary>
internal sealed record ReLUConfig(double MaxValue, double NegativeSlope, double Threshold) : LayerConfig;

/// <summary>
/// <c>[ReLU]</c>: <c>min(x, MaxValue)</c> from <c>Threshold</c> on, <c>NegativeSlope · (x − Threshold)</c>
/// below. Also the lowering of <c>[LeakyReLU]</c>, which is its <c>NegativeSlope</c>.
/// </summary>
internal sealed class ReLU : LayerDescriptor<ReLUConfig>
{
    public override string AttributeName => "StaticKeras.ReLUAttribute";

    public override string KerasClassName => "ReLU";

    /// <summary>The forward and backward calls of a parameterised ReLU; its derivative needs the input.</summary>
    public static void LowerRelu(LayerLowering l, double maxValue, double negativeSlope, double threshold)
    {
        OpArg[] parameters = { OpArg.Float(maxValue).Named("maxValue"), OpArg.Float(negativeSlope).Named("negativeSlope"), OpArg.Float(threshold).Named("threshold") };
        l.Forward($"{LayerLowering.Kernels}ReluKernel.Forward", l.Input(), l.Output, parameters[0], parameters[1], parameters[2]);
        if (l.NeedsInputGradient())
        {
            l.Backward($"{LayerLowering.Kernels}ReluKernel.Backward", l.Input(), l.OutputGradient, l.InputGradient(), parameters[0], parameters[1], parameters[2], l.Accumulate().Named("accumulate"));
        }
    }

    protected override ReLUConfig? Parse(LayerArguments a)
    {
        double maxValue = a.Number("MaxValue", double.PositiveInfinity);
        double slope = a.Number("NegativeSlope", 0);
        double threshold = a.Number("Threshold", 0);
        foreach ((string name, double value) in new[] { ("MaxValue", maxValue), ("NegativeSlope", slope), ("Threshold", threshold) })
        {
            if (!(value >= 0))
            {
                a.Error(ErrorKind.InvalidHyperparameter, name, $"{a.Title}: {name} must be at least 0, as Keras requires; got {a.Written(name)}.");
            }
        }

        return a.Failed ? null : new ReLUConfig(maxValue, slope, threshold);
    }

    protected override void Infer(ReLUConfig c, LayerInference layer) => layer.SetOutput(layer.Input);

    protected override void Lower(ReLUConfig c, LayerLowering l) => LowerRelu(l, c.MaxValue, c.NegativeSlope, c.Threshold);

    /// <summary>ONNX has Relu, Clip and LeakyRelu; a ReLU with a threshold, or with a maximum and a slope, has none.</summary>
    public static void ExportRelu(LayerLowering l, double maxValue, double negativeSlope, double threshold)
    {
        string? name = (maxValue, negativeSlope, threshold) switch
        {
            (double.PositiveInfinity, 0, 0) => "relu",
            (6, 0, 0) => "relu6",
            (double.PositiveInfinity, _, 0) => "leaky_relu",
            _ => null,
        };
        if (name is null)
        {
            l.CannotExport($"ONNX has no ReLU with max_value {LayerArguments.Format(maxValue)}, negative_slope {LayerArguments.Format(negativeSlope)} and threshold {LayerArguments.Format(threshold)} (only relu, relu6 and leaky_relu forms)");
            return;
        }

        l.Export($"{LayerLowering.Onnx}Activation", LayerLowering.Graph, l.Name, l.InputName(), OpArg.Code(LayerLowering.Literal(name)), OpArg.Float(negativeSlope).Named("alpha"));
    }

    protected override void Export(ReLUConfig c, LayerLowering l) => ExportRelu(l, c.MaxValue, c.NegativeSlope, c.Threshold);

    /// <summary>keras/src/layers/activations/relu.py, <c>get_config</c> (<c>max_value</c> None when unbounded).</summary>
    protected override void ToKeras(ReLUConfig c, KerasConfigWriter k) =>
        k.FloatOrNone("max_value", c.MaxValue).Float("negative_slope", c.NegativeSlope).Float("threshold", c.Threshold);

    public override void ReadKerasConfig(KerasConfigReader k)
    {
        k.Number("max_value", "MaxValue");
        k.Number("negative_slope", "NegativeSlope");
        k.Number("threshold", "Threshold");
    }
}

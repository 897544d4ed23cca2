using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers.Preprocessing;

/// <summary>Keras's <c>Rescaling(scale, offset=0.0)</c> (keras/src/layers/preprocessing/rescaling.py).</summary>
internal sealed record RescalingConfig(double Scale, double Offset) : LayerConfig;

/// <summary><c>[Rescaling(1.0 / 255)]</c>: <c>x · scale + offset</c>, in every pass; its gradient is <c>dy · scale</c>.</summary>
internal sealed class Rescaling : LayerDescriptor<RescalingConfig>
{
    public override string AttributeName => "StaticKeras.RescalingAttribute";

    public override string KerasClassName => "Rescaling";

    protected override RescalingConfig? Parse(LayerArguments a)
    {
        double scale = a.Number("Scale", double.NaN), offset = a.Number("Offset", 0);
        bool valid = a.FloatsAreFinite("Scale", scale) & a.FloatsAreFinite("Offset", offset);
        return valid ? new RescalingConfig(scale, offset) : null;
    }

    protected override void Infer(RescalingConfig c, LayerInference layer) => layer.SetOutput(layer.Input);

    protected override void Lower(RescalingConfig c, LayerLowering l)
    {
        l.Describe($"x · {LayerArguments.Format(c.Scale)} + {LayerArguments.Format(c.Offset)}");
        OpArg scale = OpArg.Float(c.Scale).Named("scale");
        l.Forward($"{LayerLowering.Kernels}RescalingKernel.Forward", l.Input(), l.Output, scale, OpArg.Float(c.Offset).Named("offset"));
        if (l.NeedsInputGradient())
        {
            l.Backward($"{LayerLowering.Kernels}RescalingKernel.Backward", l.OutputGradient, l.InputGradient(), scale, l.Accumulate().Named("accumulate"));
        }
    }

    /// <summary>keras/src/layers/preprocessing/rescaling.py, <c>get_config</c>.</summary>
    protected override void ToKeras(RescalingConfig c, KerasConfigWriter k) => k.Float("scale", c.Scale).Float("offset", c.Offset);

    public override void ReadKerasConfig(KerasConfigReader k)
    {
        k.Number("scale", "Scale");
        k.Number("offset", "Offset");
    }
}

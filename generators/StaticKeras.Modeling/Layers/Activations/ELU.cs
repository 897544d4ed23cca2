using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers.Activations;

/// <summary>Keras's <c>ELU(alpha=1.0)</c>.</summary>
internal sealed record ELUConfig(double Alpha) : LayerConfig;

/// <summary><c>[ELU]</c>: <c>x</c> above 0, <c>Alpha · (exp(x) − 1)</c> below; its derivative is taken from the input.</summary>
internal sealed class ELU : LayerDescriptor<ELUConfig>
{
    public override string AttributeName => "StaticKeras.ELUAttribute";

    public override string KerasClassName => "ELU";

    protected override ELUConfig Parse(LayerArguments a) => new(a.Number("Alpha", 1.0));

    protected override void Infer(ELUConfig c, LayerInference layer) => layer.SetOutput(layer.Input);

    protected override void Lower(ELUConfig c, LayerLowering l)
    {
        OpArg alpha = OpArg.Float(c.Alpha).Named("alpha");
        l.Forward($"{LayerLowering.Kernels}EluKernel.Forward", l.Input(), l.Output, alpha);
        if (l.NeedsInputGradient())
        {
            l.Backward($"{LayerLowering.Kernels}EluKernel.Backward", l.Input(), l.OutputGradient, l.InputGradient(), alpha, l.Accumulate().Named("accumulate"));
        }
    }
}

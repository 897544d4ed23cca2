using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers.Activations;

/// <summary>Keras's <c>Activation(activation)</c> layer: which activation module it applies.</summary>
internal sealed record ActivationConfig(ActivationSpec Activation) : LayerConfig;

/// <summary>
/// <c>[Activation("gelu")]</c>: applies an activation module. Its calls go straight to the module's
/// static <c>Forward</c> and <c>Backward</c>, as a user activation's would: the built-in modules
/// and user ones take the same path.
/// </summary>
internal sealed class ActivationLayer : LayerDescriptor<ActivationConfig>
{
    public override string AttributeName => "StaticKeras.ActivationAttribute";

    public override string KerasClassName => "Activation";

    protected override ActivationConfig? Parse(LayerArguments a) =>
        a.Activation("Activation") is { } activation ? new ActivationConfig(activation) : null;

    protected override void Infer(ActivationConfig c, LayerInference layer) => layer.SetOutput(layer.Input);

    protected override void Lower(ActivationConfig c, LayerLowering l)
    {
        if (c.Activation.IsLinear)
        {
            l.Describe("linear: no work");
            l.AliasInput();
            return;
        }

        l.Describe(c.Activation.KerasName);
        OpArg rowLength = OpArg.Int(l.OutputShape.Last).Named("rowLength");
        l.Forward(c.Activation.TypeName + ".Forward", l.Input(), l.Output, rowLength);
        if (l.NeedsInputGradient())
        {
            OpArg input = c.Activation.Derivative == DerivativeSource.FromInput ? l.Input() : OpArg.Code("default");
            l.Backward(c.Activation.TypeName + ".Backward", input, l.Output, l.OutputGradient, l.InputGradient(), rowLength);
        }
    }

    protected override ActivationSpec? Activation(ActivationConfig c) => c.Activation;

    protected override void Export(ActivationConfig c, LayerLowering l)
    {
        if (OnnxForms.Activation(c.Activation, l) is { } activation)
        {
            l.Export($"{LayerLowering.Onnx}Activation", LayerLowering.Graph, l.Name, l.InputName(), activation);
        }
    }

    /// <summary>keras/src/layers/activations/activation.py: the activation's name.</summary>
    protected override void ToKeras(ActivationConfig c, KerasConfigWriter k) => k.Activation("activation", c.Activation);

    public override void ReadKerasConfig(KerasConfigReader k) => k.Activation("activation", "Activation");
}

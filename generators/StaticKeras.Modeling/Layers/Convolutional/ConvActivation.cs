using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers.Convolutional;

/// <summary>
/// How a convolution lowers its activation: ReLU runs in the GEMM's epilogue (the kernels'
/// <c>relu</c> flag, and their backward masks dL/dy with the output); any other module runs on
/// the output after the call, and turns dL/dy into dL/dz in place before the backward products.
/// An activation whose derivative needs its input keeps the convolution's result for it.
/// </summary>
internal sealed class ConvActivation
{
    private readonly ActivationSpec activation;
    private readonly LayerLowering l;
    private readonly int channels;

    public ConvActivation(ActivationSpec activation, LayerLowering l, int channels)
    {
        this.activation = activation;
        this.l = l;
        this.channels = channels;
        FusesRelu = activation.KerasName == "relu" && activation.TypeName == "global::StaticKeras.Activations.Relu";
        Separate = !activation.IsLinear && !FusesRelu;
        KeepsInput = Separate && l.Training && activation.Derivative == DerivativeSource.FromInput;
        ConvOutput = KeepsInput ? l.Buffer("pre_activation", l.OutputShape.Size, "the convolution before its activation, for the derivative") : l.Output;
        if (!activation.IsLinear)
        {
            l.Describe(activation.KerasName);
        }
    }

    /// <summary>True when the kernels fuse the activation (ReLU).</summary>
    public bool FusesRelu { get; }

    /// <summary>The kernels' <c>relu</c> argument.</summary>
    public OpArg Relu => OpArg.Code(FusesRelu ? "true" : "false").Named("relu");

    /// <summary>Where the convolution writes: the output, or the kept pre-activation.</summary>
    public OpArg ConvOutput { get; }

    private bool Separate { get; }

    private bool KeepsInput { get; }

    private OpArg RowLength => OpArg.Int(channels).Named("rowLength");

    /// <summary>Adds the forward call of an activation the kernels do not fuse (after the convolution's).</summary>
    public void Forward()
    {
        if (Separate)
        {
            l.Forward($"{LayerLowering.Kernels}ActivationKernel.Forward<{activation.TypeName}>", ConvOutput, l.Output, RowLength);
        }
    }

    /// <summary>Adds the backward call that turns dL/dy into dL/dz (before the convolution's).</summary>
    public void Backward()
    {
        if (Separate)
        {
            OpArg z = KeepsInput ? ConvOutput : OpArg.Code("default");
            l.Backward(
                $"{LayerLowering.Kernels}ActivationKernel.BackwardInPlace<{activation.TypeName}>",
                z, l.Output, l.OutputGradient, RowLength, l.PreActivationFlag.Named("dyIsPreActivation"));
        }
    }
}

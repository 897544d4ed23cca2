using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers.Convolutional;

/// <summary>
/// The calls of one convolution on <c>Conv2DKernel</c>, shared by the layers that are one
/// convolution (Conv1D, Conv2D, DepthwiseConv2D): forward with its activation (ReLU fused), the
/// backward products after the activation's derivative, and at inference, where the geometry may
/// multiply by a transformed kernel (Winograd), that kernel kept and rebuilt when the weights change.
/// </summary>
internal static class ConvLowering
{
    private const string Kernel = LayerLowering.Kernels + "Conv2DKernel.";

    /// <summary>Lowers <c>activation(conv(x, kernel) + bias)</c> over <paramref name="geometry"/>.</summary>
    /// <param name="l">The layer's lowering.</param>
    /// <param name="geometry">The geometry field.</param>
    /// <param name="activationSpec">The layer's activation.</param>
    /// <param name="channels">The output's channels (its last axis).</param>
    /// <param name="kernelName">The kernel weight's name.</param>
    /// <param name="prepare">Whether the runtime may multiply by a transformed kernel at inference.</param>
    public static void Lower(LayerLowering l, OpArg geometry, ActivationSpec activationSpec, int channels, string kernelName, bool prepare)
    {
        OpArg scratch = Scratch(l, geometry);
        var activation = new ConvActivation(activationSpec, l, channels);
        OpArg kernel = l.Weight(kernelName), bias = l.WeightOrDefault("bias");
        if (!l.Training && prepare)
        {
            // Winograd multiplies by a transformed kernel: transformed once per weight change instead of per prediction.
            OpArg prepared = l.Derived("prepared_kernel", OpArg.Format(Kernel + "PreparedKernelSize({0})", geometry));
            l.Prepare(Kernel + "PrepareKernel", geometry, kernel, prepared);
            l.Forward(Kernel + "ForwardPrepared", geometry, OpArg.Batch, l.Input(), kernel, prepared, bias, activation.ConvOutput, activation.Relu, scratch);
        }
        else
        {
            l.Forward(Kernel + "Forward", geometry, OpArg.Batch, l.Input(), kernel, bias, activation.ConvOutput, activation.Relu, scratch);
        }

        activation.Forward();
        activation.Backward();
        l.Backward(
            Kernel + "Backward",
            geometry, OpArg.Batch, l.Input(), kernel, l.Output, l.OutputGradient,
            l.WeightGradient(kernelName), l.WeightGradientOrDefault("bias"), l.InputGradient(), l.Accumulate().Named("accumulateDx"), activation.Relu, scratch);
    }

    /// <summary>The op-local scratch a convolution of <paramref name="geometry"/> needs.</summary>
    public static OpArg Scratch(LayerLowering l, OpArg geometry) => l.Scratch(OpArg.Format(Kernel + "ScratchSize({0})", geometry));
}

using StaticKeras.Modeling.Lowering;

namespace StaticKeras.Modeling.Layers.Pooling;

/// <summary>The kernel calls every pooling layer makes, local and global alike, over its constant geometry.</summary>
internal static class PoolCalls
{
    /// <summary>Forward through <c>MaxPoolKernel</c> or <c>AveragePoolKernel</c>; backward when the input needs a gradient.</summary>
    public static void Lower(LayerLowering l, OpArg geometry, bool isMax)
    {
        string kernel = LayerLowering.Kernels + (isMax ? "MaxPoolKernel" : "AveragePoolKernel");
        l.Forward(kernel + ".Forward", geometry, OpArg.Batch, l.Input(), l.Output);
        if (!l.NeedsInputGradient())
        {
            return;
        }

        // Max pooling routes each gradient to its window's first maximum, so it reads x and y again
        // (they become caches); an average shares dy among the window and needs neither.
        OpArg accumulate = l.Accumulate().Named("accumulate");
        if (isMax)
        {
            l.Backward(kernel + ".Backward", geometry, OpArg.Batch, l.Input(), l.Output, l.OutputGradient, l.InputGradient(), accumulate);
        }
        else
        {
            l.Backward(kernel + ".Backward", geometry, OpArg.Batch, l.OutputGradient, l.InputGradient(), accumulate);
        }
    }
}

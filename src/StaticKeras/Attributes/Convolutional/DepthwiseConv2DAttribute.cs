namespace StaticKeras;

/// <summary>
/// Keras's <c>DepthwiseConv2D</c>: each input channel convolved on its own into
/// <see cref="DepthMultiplier"/> outputs (output channel <c>c · depthMultiplier + m</c>), kernel
/// <c>(kh, kw, channels, depthMultiplier)</c>; the first half of a separable convolution.
/// </summary>
/// <example><code>[DepthwiseConv2D(3, Padding = "same", Activation = Activation.Relu)]</code></example>
public sealed class DepthwiseConv2DAttribute : ConvolutionAttribute
{
    /// <summary>Declares a depthwise convolution.</summary>
    /// <param name="kernelSize">The kernel's height and width, or one value for both.</param>
    public DepthwiseConv2DAttribute(params int[] kernelSize)
        : base(kernelSize)
    {
    }

    /// <summary>Outputs per input channel; 1 by default.</summary>
    public int DepthMultiplier { get; set; } = 1;

    /// <summary>The Keras name of the depthwise kernel's initializer; <c>"glorot_uniform"</c> by default.</summary>
    public string DepthwiseInitializer { get; set; } = "glorot_uniform";
}

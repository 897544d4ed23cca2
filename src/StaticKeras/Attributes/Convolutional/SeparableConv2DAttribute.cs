namespace StaticKeras;

/// <summary>
/// Keras's <c>SeparableConv2D</c>: a depthwise convolution (<c>depthwise_kernel (kh, kw, channels,
/// depthMultiplier)</c>) then a 1×1 convolution to <see cref="Filters"/> outputs
/// (<c>pointwise_kernel (1, 1, channels · depthMultiplier, filters)</c>), bias and activation last:
/// far fewer weights than a Conv2D of the same window.
/// </summary>
/// <example><code>[SeparableConv2D(64, 3, Padding = "same", Activation = Activation.Relu)]</code></example>
public sealed class SeparableConv2DAttribute : ConvolutionAttribute
{
    /// <summary>Declares a separable convolution.</summary>
    /// <param name="filters">The output channels.</param>
    /// <param name="kernelSize">The kernel's height and width, or one value for both.</param>
    public SeparableConv2DAttribute(int filters, params int[] kernelSize)
        : base(kernelSize) => Filters = filters;

    /// <summary>The output channels.</summary>
    public int Filters { get; }

    /// <summary>Depthwise outputs per input channel; 1 by default.</summary>
    public int DepthMultiplier { get; set; } = 1;

    /// <summary>The Keras name of the depthwise kernel's initializer; <c>"glorot_uniform"</c> by default.</summary>
    public string DepthwiseInitializer { get; set; } = "glorot_uniform";

    /// <summary>The Keras name of the pointwise kernel's initializer; <c>"glorot_uniform"</c> by default.</summary>
    public string PointwiseInitializer { get; set; } = "glorot_uniform";
}

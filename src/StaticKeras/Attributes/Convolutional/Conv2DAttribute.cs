namespace StaticKeras;

/// <summary>
/// Keras's <c>Conv2D</c>: a 2D convolution over <c>(height, width, channels)</c>,
/// <c>activation(conv(x, kernel) + bias)</c>, kernel <c>(kh, kw, channels / groups, filters)</c>.
/// </summary>
/// <example><code>[Conv2D(32, 3, Activation = Activation.Relu)]</code> or <code>[Conv2D(64, 5, 3, Strides = [2], Padding = "same")]</code></example>
public sealed class Conv2DAttribute : ConvolutionAttribute
{
    /// <summary>Declares a 2D convolution.</summary>
    /// <param name="filters">The output channels.</param>
    /// <param name="kernelSize">The kernel's height and width, or one value for both.</param>
    public Conv2DAttribute(int filters, params int[] kernelSize)
        : base(kernelSize) => Filters = filters;

    /// <summary>The output channels.</summary>
    public int Filters { get; }

    /// <summary>Channel groups, each convolved on its own (Keras's <c>groups</c>); must divide the input channels and the filters. 1 by default.</summary>
    public int Groups { get; set; } = 1;

    /// <summary>The Keras name of the kernel's initializer; <c>"glorot_uniform"</c> by default.</summary>
    public string KernelInitializer { get; set; } = "glorot_uniform";
}

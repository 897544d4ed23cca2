namespace StaticKeras;

/// <summary>
/// Keras's <c>Conv2DTranspose</c> (a "deconvolution"): the transpose of a convolution, which
/// upsamples by its strides; kernel <c>(kh, kw, filters, channels)</c>. With <c>"valid"</c> padding
/// an axis grows to <c>(in − 1)·stride + kernel</c>, with <c>"same"</c> to <c>in·stride</c>.
/// </summary>
/// <example><code>[Conv2DTranspose(32, 3, Strides = [2], Padding = "same", Activation = Activation.Relu)]</code></example>
public sealed class Conv2DTransposeAttribute : ConvolutionAttribute
{
    /// <summary>Declares a transposed convolution.</summary>
    /// <param name="filters">The output channels.</param>
    /// <param name="kernelSize">The kernel's height and width, or one value for both.</param>
    public Conv2DTransposeAttribute(int filters, params int[] kernelSize)
        : base(kernelSize) => Filters = filters;

    /// <summary>The output channels.</summary>
    public int Filters { get; }

    /// <summary>
    /// Extra rows and columns at the end of the output (Keras's <c>output_padding</c>), one value
    /// for both axes or one per axis, each below its stride; when not set the padding decides, as Keras.
    /// </summary>
    public int[]? OutputPadding { get; set; }

    /// <summary>The Keras name of the kernel's initializer; <c>"glorot_uniform"</c> by default.</summary>
    public string KernelInitializer { get; set; } = "glorot_uniform";
}

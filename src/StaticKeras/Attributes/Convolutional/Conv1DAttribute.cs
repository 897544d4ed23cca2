namespace StaticKeras;

/// <summary>
/// Keras's <c>Conv1D</c>: a 1D convolution over <c>(steps, channels)</c>,
/// <c>activation(conv(x, kernel) + bias)</c>, kernel <c>(k, channels / groups, filters)</c>;
/// <c>Padding = "causal"</c> for sequence models that must not see the future.
/// </summary>
/// <example><code>[Conv1D(64, 3, Padding = "causal", DilationRate = [2])]</code></example>
public sealed class Conv1DAttribute : ConvolutionAttribute
{
    /// <summary>Declares a 1D convolution.</summary>
    /// <param name="filters">The output channels.</param>
    /// <param name="kernelSize">The kernel's length.</param>
    public Conv1DAttribute(int filters, int kernelSize)
        : base([kernelSize]) => Filters = filters;

    /// <summary>The output channels.</summary>
    public int Filters { get; }

    /// <summary>Channel groups, each convolved on its own (Keras's <c>groups</c>); must divide the input channels and the filters. 1 by default.</summary>
    public int Groups { get; set; } = 1;

    /// <summary>The Keras name of the kernel's initializer; <c>"glorot_uniform"</c> by default.</summary>
    public string KernelInitializer { get; set; } = "glorot_uniform";
}

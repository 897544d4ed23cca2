namespace StaticKeras;

/// <summary>
/// What Keras's convolutions share (keras/src/layers/convolutional/base_conv.py): the window,
/// the activation and the bias. Channels-last only (Keras's default <c>data_format</c>): inputs
/// are <c>(steps, channels)</c> or <c>(height, width, channels)</c>. A per-axis argument takes one
/// value for every axis, as Keras's integers (<c>Strides = [2]</c>), or one per axis.
/// </summary>
public abstract class ConvolutionAttribute : SingleInputLayerAttribute
{
    /// <summary>Creates the window.</summary>
    /// <param name="kernelSize">The kernel's size: one value for every spatial axis, or one per axis.</param>
    protected ConvolutionAttribute(int[] kernelSize) => KernelSize = kernelSize;

    /// <summary>The kernel's size per spatial axis (one value: the same on every axis).</summary>
    public int[] KernelSize { get; }

    /// <summary>The step between outputs per axis; 1 by default. Cannot exceed 1 together with <see cref="DilationRate"/>.</summary>
    public int[] Strides { get; set; } = [1];

    /// <summary>
    /// <c>"valid"</c> (no padding, the default), <c>"same"</c> (as many outputs as inputs at stride 1;
    /// an odd total padding puts the extra zero after, as Keras), or for Conv1D <c>"causal"</c>
    /// (all zeros before: output <c>t</c> sees inputs up to <c>t</c>).
    /// </summary>
    public string Padding { get; set; } = "valid";

    /// <summary>The step between kernel taps per axis (atrous convolution); 1 by default.</summary>
    public int[] DilationRate { get; set; } = [1];

    /// <summary>
    /// The activation applied to the output: a Keras name (<see cref="StaticKeras.Activation.Relu"/>,
    /// fused into the convolution) or an <see cref="IActivation"/> type; linear when not set.
    /// </summary>
    public object? Activation { get; set; }

    /// <summary>Whether the layer adds a bias per filter; true by default.</summary>
    public bool UseBias { get; set; } = true;

    /// <summary>The Keras name of the bias's initializer; <c>"zeros"</c> by default.</summary>
    public string BiasInitializer { get; set; } = "zeros";
}

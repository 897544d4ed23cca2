using System;

namespace StaticKeras.Kernels;

/// <summary>
/// The constant geometry of one channels-last convolution (Keras's Conv2D, or Conv1D as a height
/// of 1): input <c>(height, width, channels)</c> per sample, kernel <c>(kernelHeight,
/// kernelWidth, channels / groups, filters)</c> (Keras's layout), strides, dilation, explicit
/// padding before and after each axis (the layer turns Keras's <c>valid</c>, <c>same</c> and
/// <c>causal</c> into numbers with <see cref="ConvPadding"/>) and groups. The batch is the one
/// runtime dimension and is passed to each kernel call.
/// </summary>
/// <remarks>
/// Output position <c>(oh, ow)</c> reads input row <c>oh·strideHeight − padTop + kh·dilationHeight</c>
/// (and the same across the width); rows outside the input read zero. Padding may be negative
/// (the adjoint geometry of a transposed convolution with output padding drops trailing input).
/// </remarks>
public readonly struct ConvGeometry
{
    /// <summary>Creates and validates a 2D geometry.</summary>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="channels">Input channels.</param>
    /// <param name="filters">Output channels.</param>
    /// <param name="kernelHeight">Kernel rows.</param>
    /// <param name="kernelWidth">Kernel columns.</param>
    /// <param name="strideHeight">Step between output rows.</param>
    /// <param name="strideWidth">Step between output columns.</param>
    /// <param name="dilationHeight">Step between kernel rows.</param>
    /// <param name="dilationWidth">Step between kernel columns.</param>
    /// <param name="padTop">Zero rows before the input.</param>
    /// <param name="padBottom">Zero rows after the input.</param>
    /// <param name="padLeft">Zero columns before the input.</param>
    /// <param name="padRight">Zero columns after the input.</param>
    /// <param name="groups">Channel groups (Keras's <c>groups</c>); both channel counts must be multiples of it.</param>
    /// <exception cref="ArgumentException">A size is below 1, the groups do not divide the channels, or the output would be empty.</exception>
    public ConvGeometry(
        int height,
        int width,
        int channels,
        int filters,
        int kernelHeight,
        int kernelWidth,
        int strideHeight = 1,
        int strideWidth = 1,
        int dilationHeight = 1,
        int dilationWidth = 1,
        int padTop = 0,
        int padBottom = 0,
        int padLeft = 0,
        int padRight = 0,
        int groups = 1)
    {
        GeometryChecks.RequirePositive(height, nameof(height), "a convolution");
        GeometryChecks.RequirePositive(width, nameof(width), "a convolution");
        GeometryChecks.RequirePositive(channels, nameof(channels), "a convolution");
        GeometryChecks.RequirePositive(filters, nameof(filters), "a convolution");
        GeometryChecks.RequirePositive(kernelHeight, nameof(kernelHeight), "a convolution");
        GeometryChecks.RequirePositive(kernelWidth, nameof(kernelWidth), "a convolution");
        GeometryChecks.RequirePositive(strideHeight, nameof(strideHeight), "a convolution");
        GeometryChecks.RequirePositive(strideWidth, nameof(strideWidth), "a convolution");
        GeometryChecks.RequirePositive(dilationHeight, nameof(dilationHeight), "a convolution");
        GeometryChecks.RequirePositive(dilationWidth, nameof(dilationWidth), "a convolution");
        GeometryChecks.RequirePositive(groups, nameof(groups), "a convolution");
        if (channels % groups != 0 || filters % groups != 0)
        {
            throw new ArgumentException($"groups is {groups}, but it must divide both the input channels ({channels}) and the filters ({filters}); choose a common divisor.", nameof(groups));
        }

        Height = height;
        Width = width;
        Channels = channels;
        Filters = filters;
        KernelHeight = kernelHeight;
        KernelWidth = kernelWidth;
        StrideHeight = strideHeight;
        StrideWidth = strideWidth;
        DilationHeight = dilationHeight;
        DilationWidth = dilationWidth;
        PadTop = padTop;
        PadBottom = padBottom;
        PadLeft = padLeft;
        PadRight = padRight;
        Groups = groups;
        OutputHeight = ConvPadding.OutputLength(height, kernelHeight, strideHeight, dilationHeight, padTop, padBottom);
        OutputWidth = ConvPadding.OutputLength(width, kernelWidth, strideWidth, dilationWidth, padLeft, padRight);
        if (OutputHeight < 1 || OutputWidth < 1)
        {
            throw new ArgumentException($"The output would be {OutputHeight}×{OutputWidth}: a {kernelHeight}×{kernelWidth} kernel dilated {dilationHeight}×{dilationWidth} does not fit the {height}×{width} input padded ({padTop}, {padBottom}) × ({padLeft}, {padRight}); use a smaller kernel or dilation, or more padding.", nameof(kernelHeight));
        }
    }

    /// <summary>Input rows.</summary>
    public int Height { get; }

    /// <summary>Input columns.</summary>
    public int Width { get; }

    /// <summary>Input channels.</summary>
    public int Channels { get; }

    /// <summary>Output channels.</summary>
    public int Filters { get; }

    /// <summary>Kernel rows.</summary>
    public int KernelHeight { get; }

    /// <summary>Kernel columns.</summary>
    public int KernelWidth { get; }

    /// <summary>Step between output rows.</summary>
    public int StrideHeight { get; }

    /// <summary>Step between output columns.</summary>
    public int StrideWidth { get; }

    /// <summary>Step between kernel rows.</summary>
    public int DilationHeight { get; }

    /// <summary>Step between kernel columns.</summary>
    public int DilationWidth { get; }

    /// <summary>Zero rows before the input.</summary>
    public int PadTop { get; }

    /// <summary>Zero rows after the input.</summary>
    public int PadBottom { get; }

    /// <summary>Zero columns before the input.</summary>
    public int PadLeft { get; }

    /// <summary>Zero columns after the input.</summary>
    public int PadRight { get; }

    /// <summary>Channel groups.</summary>
    public int Groups { get; }

    /// <summary>Output rows.</summary>
    public int OutputHeight { get; }

    /// <summary>Output columns.</summary>
    public int OutputWidth { get; }

    /// <summary>Input channels per group.</summary>
    public int GroupChannels => Channels / Groups;

    /// <summary>Filters per group.</summary>
    public int GroupFilters => Filters / Groups;

    /// <summary>Kernel positions, <c>kernelHeight · kernelWidth</c>.</summary>
    public int Taps => KernelHeight * KernelWidth;

    /// <summary>One patch's length, the GEMM depth: <c>kernelHeight · kernelWidth · channels / groups</c>.</summary>
    public int PatchLength => Taps * GroupChannels;

    /// <summary>Floats of one input sample.</summary>
    public int InputSize => Height * Width * Channels;

    /// <summary>Floats of one output sample.</summary>
    public int OutputSize => OutputHeight * OutputWidth * Filters;

    /// <summary>Output positions of one sample.</summary>
    public int OutputPixels => OutputHeight * OutputWidth;

    /// <summary>Floats of the kernel, <c>(kernelHeight, kernelWidth, channels / groups, filters)</c>.</summary>
    public int KernelSize => PatchLength * Filters;

    /// <summary>Multiply-adds of one sample's forward pass.</summary>
    public long MultiplyAdds => (long)OutputPixels * PatchLength * Filters;

    /// <summary>
    /// A Conv1D geometry over <c>(length, channels)</c>, kernel <c>(kernelSize, channels / groups,
    /// filters)</c>: the 2D geometry with one row, whose kernel has the same memory layout.
    /// </summary>
    /// <param name="length">Input steps.</param>
    /// <param name="channels">Input channels.</param>
    /// <param name="filters">Output channels.</param>
    /// <param name="kernelSize">Kernel steps.</param>
    /// <param name="stride">Step between outputs.</param>
    /// <param name="dilation">Step between kernel taps.</param>
    /// <param name="padBefore">Zero steps before the input (for Keras's <c>causal</c>: <c>dilation · (kernelSize − 1)</c>).</param>
    /// <param name="padAfter">Zero steps after the input.</param>
    /// <param name="groups">Channel groups.</param>
    /// <returns>The geometry.</returns>
    public static ConvGeometry Conv1D(int length, int channels, int filters, int kernelSize, int stride = 1, int dilation = 1, int padBefore = 0, int padAfter = 0, int groups = 1) =>
        new(1, length, channels, filters, 1, kernelSize, 1, stride, 1, dilation, 0, 0, padBefore, padAfter, groups);

    /// <summary>
    /// A DepthwiseConv2D geometry: <c>groups = channels</c>, <c>channels · depthMultiplier</c>
    /// filters. Keras's depthwise kernel <c>(kh, kw, channels, depthMultiplier)</c> has the memory of
    /// this grouped kernel <c>(kh, kw, 1, channels · depthMultiplier)</c>, and output channel
    /// <c>c · depthMultiplier + m</c> is Keras's, so the weights are used as they are.
    /// </summary>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="channels">Input channels.</param>
    /// <param name="depthMultiplier">Outputs per input channel.</param>
    /// <param name="kernelHeight">Kernel rows.</param>
    /// <param name="kernelWidth">Kernel columns.</param>
    /// <param name="strideHeight">Step between output rows.</param>
    /// <param name="strideWidth">Step between output columns.</param>
    /// <param name="dilationHeight">Step between kernel rows.</param>
    /// <param name="dilationWidth">Step between kernel columns.</param>
    /// <param name="padTop">Zero rows before the input.</param>
    /// <param name="padBottom">Zero rows after the input.</param>
    /// <param name="padLeft">Zero columns before the input.</param>
    /// <param name="padRight">Zero columns after the input.</param>
    /// <returns>The geometry.</returns>
    public static ConvGeometry Depthwise(int height, int width, int channels, int depthMultiplier, int kernelHeight, int kernelWidth, int strideHeight = 1, int strideWidth = 1, int dilationHeight = 1, int dilationWidth = 1, int padTop = 0, int padBottom = 0, int padLeft = 0, int padRight = 0) =>
        new(height, width, channels, checked(channels * depthMultiplier), kernelHeight, kernelWidth, strideHeight, strideWidth, dilationHeight, dilationWidth, padTop, padBottom, padLeft, padRight, groups: channels);
}

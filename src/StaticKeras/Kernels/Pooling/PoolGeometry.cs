using System;

namespace StaticKeras.Kernels;

/// <summary>
/// The constant geometry of one channels-last pooling (Keras's MaxPooling2D/AveragePooling2D, or
/// the 1D layers as a height of 1): input <c>(height, width, channels)</c> per sample, the pool
/// window, strides (Keras's default is the pool size) and explicit padding before and after
/// each axis (<see cref="ConvPadding.Same"/> gives Keras's <c>same</c>). Padding never counts:
/// max pooling ignores it and average pooling divides by the real elements of each window.
/// </summary>
public readonly struct PoolGeometry
{
    /// <summary>Creates and validates a 2D pooling geometry.</summary>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="channels">Channels.</param>
    /// <param name="poolHeight">Window rows.</param>
    /// <param name="poolWidth">Window columns.</param>
    /// <param name="strideHeight">Step between output rows.</param>
    /// <param name="strideWidth">Step between output columns.</param>
    /// <param name="padTop">Padding rows before the input.</param>
    /// <param name="padBottom">Padding rows after the input.</param>
    /// <param name="padLeft">Padding columns before the input.</param>
    /// <param name="padRight">Padding columns after the input.</param>
    /// <exception cref="ArgumentException">A size is below 1, the output would be empty, or a window would hold no input.</exception>
    public PoolGeometry(int height, int width, int channels, int poolHeight, int poolWidth, int strideHeight, int strideWidth, int padTop = 0, int padBottom = 0, int padLeft = 0, int padRight = 0)
    {
        GeometryChecks.RequirePositive(height, nameof(height), "pooling");
        GeometryChecks.RequirePositive(width, nameof(width), "pooling");
        GeometryChecks.RequirePositive(channels, nameof(channels), "pooling");
        GeometryChecks.RequirePositive(poolHeight, nameof(poolHeight), "pooling");
        GeometryChecks.RequirePositive(poolWidth, nameof(poolWidth), "pooling");
        GeometryChecks.RequirePositive(strideHeight, nameof(strideHeight), "pooling");
        GeometryChecks.RequirePositive(strideWidth, nameof(strideWidth), "pooling");

        Height = height;
        Width = width;
        Channels = channels;
        PoolHeight = poolHeight;
        PoolWidth = poolWidth;
        StrideHeight = strideHeight;
        StrideWidth = strideWidth;
        PadTop = padTop;
        PadLeft = padLeft;
        OutputHeight = Axis(height, poolHeight, strideHeight, padTop, padBottom, "rows");
        OutputWidth = Axis(width, poolWidth, strideWidth, padLeft, padRight, "columns");
    }

    /// <summary>Input rows.</summary>
    public int Height { get; }

    /// <summary>Input columns.</summary>
    public int Width { get; }

    /// <summary>Channels (the same in and out).</summary>
    public int Channels { get; }

    /// <summary>Window rows.</summary>
    public int PoolHeight { get; }

    /// <summary>Window columns.</summary>
    public int PoolWidth { get; }

    /// <summary>Step between output rows.</summary>
    public int StrideHeight { get; }

    /// <summary>Step between output columns.</summary>
    public int StrideWidth { get; }

    /// <summary>Padding rows before the input.</summary>
    public int PadTop { get; }

    /// <summary>Padding columns before the input.</summary>
    public int PadLeft { get; }

    /// <summary>Output rows.</summary>
    public int OutputHeight { get; }

    /// <summary>Output columns.</summary>
    public int OutputWidth { get; }

    /// <summary>Floats of one input sample.</summary>
    public int InputSize => Height * Width * Channels;

    /// <summary>Floats of one output sample.</summary>
    public int OutputSize => OutputHeight * OutputWidth * Channels;

    /// <summary>
    /// A 1D pooling geometry over <c>(steps, channels)</c> (Keras's MaxPooling1D/AveragePooling1D).
    /// </summary>
    /// <param name="steps">Input steps.</param>
    /// <param name="channels">Channels.</param>
    /// <param name="poolSize">Window steps.</param>
    /// <param name="stride">Step between outputs.</param>
    /// <param name="padBefore">Padding steps before the input.</param>
    /// <param name="padAfter">Padding steps after the input.</param>
    /// <returns>The geometry.</returns>
    public static PoolGeometry Pool1D(int steps, int channels, int poolSize, int stride, int padBefore = 0, int padAfter = 0) =>
        new(1, steps, channels, 1, poolSize, 1, stride, 0, 0, padBefore, padAfter);

    /// <summary>
    /// Keras's GlobalMaxPooling2D/GlobalAveragePooling2D (and the 1D layers with a height of 1)
    /// as one window over the whole image: output <c>(1, 1, channels)</c>, the memory of Keras's
    /// <c>(channels,)</c> or, with <c>keepdims=True</c>, <c>(1, 1, channels)</c>.
    /// </summary>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns (or steps).</param>
    /// <param name="channels">Channels.</param>
    /// <returns>The geometry.</returns>
    public static PoolGeometry Global(int height, int width, int channels) => new(height, width, channels, height, width, 1, 1);

    /// <summary>The window of output row (or column) <paramref name="o"/> clipped to the input: <c>[start, end)</c>.</summary>
    internal static (int Start, int End) Window(int o, int stride, int pad, int pool, int length)
    {
        int start = (o * stride) - pad;
        return (Math.Max(start, 0), Math.Min(start + pool, length));
    }

    private static int Axis(int input, int pool, int stride, int before, int after, string what)
    {
        int output = ConvPadding.OutputLength(input, pool, stride, 1, before, after);
        if (output < 1)
        {
            throw new ArgumentException($"A pool of {pool} does not fit the {input} input {what} padded ({before}, {after}); use a smaller pool or 'same' padding.", nameof(pool));
        }

        if (before >= pool || ((output - 1) * stride) - before >= input)
        {
            throw new ArgumentException($"Padding ({before}, {after}) of the {input} input {what} leaves a window of {pool} with no input; pad less than the pool size (Keras's 'same' always does).", nameof(before));
        }

        return output;
    }
}

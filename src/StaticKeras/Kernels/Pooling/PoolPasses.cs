using System;

namespace StaticKeras.Kernels;

/// <summary>
/// The loop every pooling pass shares: samples split across threads (<see cref="RangeJob"/>),
/// each output pixel's window handed to one step (<see cref="IPoolStep"/>). A sample's outputs
/// and its input gradient belong to one thread, so results do not depend on the split.
/// </summary>
internal static unsafe class PoolPasses
{
    /// <summary>Runs <typeparamref name="TStep"/> on every output pixel of <paramref name="batch"/> samples.</summary>
    public static void Run<TStep>(in PoolGeometry g, int batch, float* x, float* y, float* dy, float* dx, bool accumulate, int threads)
        where TStep : struct, IPoolStep
    {
        // Windows that tile the input without overlap write their gradient instead of adding it,
        // so only what no window covers needs clearing first.
        bool overwrite = dx != null && !accumulate && g.StrideHeight == g.PoolHeight && g.StrideWidth == g.PoolWidth;
        var a = new PoolArguments { G = g, X = x, Y = y, DY = dy, DX = dx, Accumulate = accumulate, Overwrite = overwrite };
        long work = (long)batch * g.OutputSize * g.PoolHeight * g.PoolWidth;
        RangeJob.Run(&Samples<TStep>, &a, batch, threads, work);
    }

    /// <summary>Clears the rows and columns past the last of non-overlapping windows (a 'valid' pool of an odd length leaves them out).</summary>
    private static void ClearUncovered(in PoolGeometry g, float* dx)
    {
        int rows = Math.Min(g.Height, (g.OutputHeight * g.StrideHeight) - g.PadTop);
        int columns = Math.Min(g.Width, (g.OutputWidth * g.StrideWidth) - g.PadLeft);
        int rowLength = g.Width * g.Channels;
        new Span<float>(dx + ((nint)rows * rowLength), (g.Height - rows) * rowLength).Clear();
        if (columns < g.Width)
        {
            for (int h = 0; h < rows; h++)
            {
                new Span<float>(dx + ((nint)h * rowLength) + ((nint)columns * g.Channels), (g.Width - columns) * g.Channels).Clear();
            }
        }
    }

    private static void Samples<TStep>(void* arguments, int first, int last)
        where TStep : struct, IPoolStep
    {
        ref PoolArguments a = ref *(PoolArguments*)arguments;
        PoolGeometry g = a.G;
        for (int b = first; b < last; b++)
        {
            nint input = (nint)b * g.InputSize;
            if (a.Overwrite)
            {
                ClearUncovered(g, a.DX + input);
            }
            else if (a.DX != null && !a.Accumulate)
            {
                new Span<float>(a.DX + input, g.InputSize).Clear();
            }

            for (int oh = 0; oh < g.OutputHeight; oh++)
            {
                for (int ow = 0; ow < g.OutputWidth; ow++)
                {
                    nint output = ((((nint)b * g.OutputHeight) + oh) * g.OutputWidth + ow) * g.Channels;
                    TStep.Pixel(a, new PoolWindow(g, a.X + input, oh, ow), input, output);
                }
            }
        }
    }
}

/// <summary>What a pooling pass does with one output pixel's window.</summary>
internal interface IPoolStep
{
    /// <summary>Computes output pixel <paramref name="output"/> (a float offset) from the window of the sample at <paramref name="input"/>.</summary>
    static abstract unsafe void Pixel(in PoolArguments a, in PoolWindow window, nint input, nint output);
}

/// <summary>One pooling call's operands (null where a pass has none), on the caller's stack.</summary>
internal unsafe struct PoolArguments
{
    public PoolGeometry G;
    public float* X;
    public float* Y;
    public float* DY;
    public float* DX;
    public bool Accumulate;

    /// <summary>The windows tile the input without overlap: backward steps store instead of adding.</summary>
    public bool Overwrite;
}

/// <summary>Max pooling forward: <c>y = max(window)</c>.</summary>
internal readonly unsafe struct MaxForward : IPoolStep
{
    public static void Pixel(in PoolArguments a, in PoolWindow window, nint input, nint output) => window.Max(a.Y + output);
}

/// <summary>Max pooling backward: dy to each channel's first maximum.</summary>
internal readonly unsafe struct MaxBackward : IPoolStep
{
    public static void Pixel(in PoolArguments a, in PoolWindow window, nint input, nint output) =>
        window.RouteToFirstMax(a.Y + output, a.DY + output, a.DX + input, a.Overwrite, throughRelu: false);
}

/// <summary>Max pooling backward through the ReLU before it: dy to each channel's first maximum where that maximum is above 0.</summary>
internal readonly unsafe struct MaxBackwardThroughRelu : IPoolStep
{
    public static void Pixel(in PoolArguments a, in PoolWindow window, nint input, nint output) =>
        window.RouteToFirstMax(a.Y + output, a.DY + output, a.DX + input, a.Overwrite, throughRelu: true);
}

/// <summary>Average pooling forward: the window's sum over its real elements.</summary>
internal readonly unsafe struct AverageForward : IPoolStep
{
    public static void Pixel(in PoolArguments a, in PoolWindow window, nint input, nint output) => window.Average(a.Y + output, window.Count);
}

/// <summary>Average pooling backward: <c>dy / count</c> to every real element of the window.</summary>
internal readonly unsafe struct AverageBackward : IPoolStep
{
    public static void Pixel(in PoolArguments a, in PoolWindow window, nint input, nint output) => window.Spread(a.DY + output, window.Count, a.DX + input, a.Overwrite);
}

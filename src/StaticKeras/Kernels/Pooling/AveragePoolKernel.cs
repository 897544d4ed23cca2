using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's AveragePooling1D/2D, channels-last: the mean of each window's real positions ('same'
/// windows at the border divide by fewer than the pool size, as Keras); the gradient shares
/// <c>dy / count</c> among them. Vectorised across channels; samples split across threads.
/// </summary>
public static unsafe class AveragePoolKernel
{
    /// <summary>Computes <c>y = avgpool(x)</c>.</summary>
    /// <param name="geometry">The pooling.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="x">Input, <c>(batch, height, width, channels)</c>.</param>
    /// <param name="y">Output, <c>(batch, outputHeight, outputWidth, channels)</c>.</param>
    public static void Forward(in PoolGeometry geometry, int batch, ReadOnlySpan<float> x, Span<float> y) =>
        Forward(geometry, batch, x, y, KernelOptions.Threads);

    /// <summary>Writes (or adds) <c>dx</c>: each window's <c>dy / count</c> to its real positions.</summary>
    /// <param name="geometry">The pooling.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="dy">dL/dy.</param>
    /// <param name="dx">Receives dL/dx.</param>
    /// <param name="accumulate">Add to dx instead of overwriting it.</param>
    public static void Backward(in PoolGeometry geometry, int batch, ReadOnlySpan<float> dy, Span<float> dx, bool accumulate) =>
        Backward(geometry, batch, dy, dx, accumulate, KernelOptions.Threads);

    internal static void Forward(in PoolGeometry g, int batch, ReadOnlySpan<float> x, Span<float> y, int threads)
    {
        PoolChecks.Check(g, batch, x, nameof(x), y, nameof(y));
        fixed (float* px = x, py = y)
        {
            PoolPasses.Run<AverageForward>(g, batch, px, py, null, null, false, threads);
        }
    }

    internal static void Backward(in PoolGeometry g, int batch, ReadOnlySpan<float> dy, Span<float> dx, bool accumulate, int threads)
    {
        PoolChecks.Check(g, batch, dx, nameof(dx), dy, nameof(dy));
        fixed (float* pdy = dy, pdx = dx)
        {
            PoolPasses.Run<AverageBackward>(g, batch, pdx, null, pdy, pdx, accumulate, threads);
        }
    }
}

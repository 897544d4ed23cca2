using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's MaxPooling1D/2D, channels-last: <c>y[b, oh, ow, c] = max</c> over the window's real
/// positions (padding never wins, keras/src/layers/pooling/base_pooling.py over
/// <c>ops.max_pool</c>); the gradient goes to each channel's first maximum in row-major window
/// order, as TensorFlow and XLA route ties. Vectorised across channels; samples split across
/// <see cref="KernelOptions.Threads"/> threads.
/// </summary>
public static unsafe class MaxPoolKernel
{
    /// <summary>Computes <c>y = maxpool(x)</c>.</summary>
    /// <param name="geometry">The pooling.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="x">Input, <c>(batch, height, width, channels)</c>.</param>
    /// <param name="y">Output, <c>(batch, outputHeight, outputWidth, channels)</c>.</param>
    public static void Forward(in PoolGeometry geometry, int batch, ReadOnlySpan<float> x, Span<float> y) =>
        Forward(geometry, batch, x, y, KernelOptions.Threads);

    /// <summary>Writes (or adds) <c>dx</c>: each <c>dy</c> to its window's first maximum.</summary>
    /// <param name="geometry">The pooling.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="x">The forward input.</param>
    /// <param name="y">The forward output.</param>
    /// <param name="dy">dL/dy.</param>
    /// <param name="dx">Receives dL/dx.</param>
    /// <param name="accumulate">Add to dx instead of overwriting it.</param>
    /// <param name="throughRelu">
    /// x is <c>relu(z)</c> (a convolution or Dense with a fused ReLU before the pool): write dL/dz
    /// instead, so the layer below needs no ReLU pass of its own. The first maximum of a window
    /// has <c>relu'(z) = [max &gt; 0]</c>, so this only drops the windows whose maximum is 0.
    /// </param>
    public static void Backward(in PoolGeometry geometry, int batch, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, bool accumulate, bool throughRelu = false) =>
        Backward(geometry, batch, x, y, dy, dx, accumulate, KernelOptions.Threads, throughRelu);

    internal static void Forward(in PoolGeometry g, int batch, ReadOnlySpan<float> x, Span<float> y, int threads)
    {
        PoolChecks.Check(g, batch, x, nameof(x), y, nameof(y));
        fixed (float* px = x, py = y)
        {
            PoolPasses.Run<MaxForward>(g, batch, px, py, null, null, false, threads);
        }
    }

    internal static void Backward(in PoolGeometry g, int batch, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, bool accumulate, int threads, bool throughRelu = false)
    {
        PoolChecks.Check(g, batch, x, nameof(x), y, nameof(y));
        PoolChecks.Check(g, batch, dx, nameof(dx), dy, nameof(dy));
        fixed (float* px = x, py = y, pdy = dy, pdx = dx)
        {
            if (throughRelu)
            {
                PoolPasses.Run<MaxBackwardThroughRelu>(g, batch, px, py, pdy, pdx, accumulate, threads);
            }
            else
            {
                PoolPasses.Run<MaxBackward>(g, batch, px, py, pdy, pdx, accumulate, threads);
            }
        }
    }
}

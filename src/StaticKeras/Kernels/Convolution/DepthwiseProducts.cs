using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Convolutions with one input channel per group (Keras's DepthwiseConv2D, or Conv2D with
/// <c>groups = channels</c>), computed directly: a GEMM per group would have a depth of
/// <c>kh · kw</c> and a width of the depth multiplier. Output channel <c>j = c·M + m</c> reads
/// input channel <c>c</c> (Keras's depthwise kernel <c>(kh, kw, channels, M)</c> has the memory of
/// the grouped kernel <c>(kh, kw, 1, channels · M)</c>), so each tap is one vector multiply-add
/// across a pixel's channels. Forward and the input gradient split samples across threads; each
/// output element sums its taps in (kh, kw) order, so results do not depend on the split.
/// </summary>
internal static unsafe class DepthwiseProducts
{
    /// <summary>Whether the geometry is depthwise (one input channel per group, more than one group).</summary>
    public static bool Applies(in ConvGeometry g) => g.GroupChannels == 1 && g.Groups > 1;

    /// <summary><c>y (+)= relu?(depthwise(x, kernel) + bias)</c>.</summary>
    public static void Forward(in ConvGeometry g, int batch, float* x, float* kernel, float* bias, float* y, bool relu, bool accumulate, int threads)
    {
        var a = new Arguments { G = g, X = x, Kernel = kernel, Bias = bias, Y = y, Relu = relu, Accumulate = accumulate };
        RangeJob.Run(&ForwardSamples, &a, batch, threads, batch * g.MultiplyAdds);
    }

    /// <summary><c>dx (+)= Σ dz · kernel</c> over the taps that read each input.</summary>
    public static void InputGradient(in ConvGeometry g, int batch, float* dz, float* kernel, float* dx, bool accumulate, int threads)
    {
        var a = new Arguments { G = g, Y = dz, Kernel = kernel, X = dx, Accumulate = accumulate };
        RangeJob.Run(&InputGradientSamples, &a, batch, threads, batch * g.MultiplyAdds);
    }

    /// <summary><c>dKernel = Σ x · dz</c> over every sample and output pixel, in order (one thread: the sum runs over the samples).</summary>
    public static void KernelGradient(in ConvGeometry g, int batch, float* x, float* dz, float* dKernel)
    {
        int m = g.GroupFilters;
        new Span<float>(dKernel, g.KernelSize).Clear();
        for (int b = 0; b < batch; b++)
        {
            for (int oh = 0; oh < g.OutputHeight; oh++)
            {
                for (int ow = 0; ow < g.OutputWidth; ow++)
                {
                    float* dzRow = dz + ((((nint)b * g.OutputHeight) + oh) * g.OutputWidth + ow) * g.Filters;
                    for (int tap = 0; tap < g.Taps; tap++)
                    {
                        float* xRow = InputPixel(g, x, b, oh, ow, tap);
                        if (xRow != null)
                        {
                            MultiplyAcross(xRow, dzRow, dKernel + ((nint)tap * g.Filters), g.Channels, m);
                        }
                    }
                }
            }
        }
    }

    private static void ForwardSamples(void* arguments, int first, int last)
    {
        ref Arguments a = ref *(Arguments*)arguments;
        ConvGeometry g = a.G;
        for (int b = first; b < last; b++)
        {
            for (int oh = 0; oh < g.OutputHeight; oh++)
            {
                for (int ow = 0; ow < g.OutputWidth; ow++)
                {
                    float* yRow = a.Y + ((((nint)b * g.OutputHeight) + oh) * g.OutputWidth + ow) * g.Filters;
                    if (!a.Accumulate)
                    {
                        FloatRuns.Clear(yRow, g.Filters);
                    }

                    for (int tap = 0; tap < g.Taps; tap++)
                    {
                        float* xRow = InputPixel(g, a.X, b, oh, ow, tap);
                        if (xRow != null)
                        {
                            MultiplyAcross(xRow, a.Kernel + ((nint)tap * g.Filters), yRow, g.Channels, g.GroupFilters);
                        }
                    }

                    ChannelBias.Apply(yRow, 1, g.Filters, a.Bias, a.Relu);
                }
            }
        }
    }

    private static void InputGradientSamples(void* arguments, int first, int last)
    {
        ref Arguments a = ref *(Arguments*)arguments;
        ConvGeometry g = a.G;
        int m = g.GroupFilters;
        for (int b = first; b < last; b++)
        {
            if (!a.Accumulate)
            {
                new Span<float>(a.X + ((nint)b * g.InputSize), g.InputSize).Clear();
            }

            for (int oh = 0; oh < g.OutputHeight; oh++)
            {
                for (int ow = 0; ow < g.OutputWidth; ow++)
                {
                    float* dzRow = a.Y + ((((nint)b * g.OutputHeight) + oh) * g.OutputWidth + ow) * g.Filters;
                    for (int tap = 0; tap < g.Taps; tap++)
                    {
                        float* dxRow = InputPixel(g, a.X, b, oh, ow, tap);
                        if (dxRow != null)
                        {
                            SumAcross(dzRow, a.Kernel + ((nint)tap * g.Filters), dxRow, g.Channels, m);
                        }
                    }
                }
            }
        }
    }

    /// <summary>The input pixel tap <paramref name="tap"/> of output <c>(oh, ow)</c> reads, or null on padding.</summary>
    private static float* InputPixel(in ConvGeometry g, float* image, int b, int oh, int ow, int tap)
    {
        int kh = tap / g.KernelWidth, kw = tap - (kh * g.KernelWidth);
        int ih = (oh * g.StrideHeight) - g.PadTop + (kh * g.DilationHeight);
        int iw = (ow * g.StrideWidth) - g.PadLeft + (kw * g.DilationWidth);
        return (uint)ih < (uint)g.Height && (uint)iw < (uint)g.Width
            ? image + ((((nint)b * g.Height) + ih) * g.Width + iw) * g.Channels
            : null;
    }

    /// <summary><c>to[c·M + m] += x[c] · w[c·M + m]</c>: one vector pass when <c>M = 1</c>.</summary>
    private static void MultiplyAcross(float* x, float* w, float* to, int channels, int multiplier)
    {
        if (multiplier == 1)
        {
            FloatRuns.MultiplyAdd(x, w, to, channels);
            return;
        }

        for (int c = 0; c < channels; c++)
        {
            FloatRuns.ScaleAdd(x[c], w + ((nint)c * multiplier), to + ((nint)c * multiplier), multiplier);
        }
    }

    /// <summary><c>dx[c] += Σ_m dz[c·M + m] · w[c·M + m]</c>.</summary>
    private static void SumAcross(float* dz, float* w, float* dx, int channels, int multiplier)
    {
        if (multiplier == 1)
        {
            FloatRuns.MultiplyAdd(dz, w, dx, channels);
            return;
        }

        for (int c = 0; c < channels; c++)
        {
            float sum = dx[c];
            for (int m = 0; m < multiplier; m++)
            {
                sum = MathF.FusedMultiplyAdd(dz[(c * multiplier) + m], w[(c * multiplier) + m], sum);
            }

            dx[c] = sum;
        }
    }

    /// <summary>One call's operands, on the caller's stack for the workers to read.</summary>
    private struct Arguments
    {
        public ConvGeometry G;
        public float* X;
        public float* Kernel;
        public float* Bias;
        public float* Y;
        public bool Relu;
        public bool Accumulate;
    }
}

namespace StaticKeras.Kernels.Tests.Convolution;

/// <summary>
/// The convolution's definition in double precision, one output (or one term) at a time: Keras's
/// <c>y[b, oh, ow, f] = bias[f] + Σ x[b, oh·sh − pt + kh·dh, ow·sw − pl + kw·dw, g·Cg + c] ·
/// kernel[kh, kw, c, f]</c>, and its exact derivatives.
/// </summary>
internal static class ConvReference
{
    public static float[] Forward(in ConvGeometry g, int batch, float[] x, float[] kernel, float[]? bias, bool relu)
    {
        var sums = new double[batch * g.OutputSize];
        ForEachTerm(g, batch, (xi, ki, yi) => sums[yi] += (double)x[xi] * kernel[ki]);
        var y = new float[sums.Length];
        for (int i = 0; i < y.Length; i++)
        {
            double v = sums[i] + (bias is null ? 0 : bias[i % g.Filters]);
            y[i] = (float)(relu ? Math.Max(v, 0) : v);
        }

        return y;
    }

    /// <summary>dx, dKernel and dBias for a given dL/dz.</summary>
    public static (float[] Dx, float[] DKernel, float[] DBias) Backward(in ConvGeometry g, int batch, float[] x, float[] kernel, float[] dz)
    {
        var dx = new double[batch * g.InputSize];
        var dk = new double[g.KernelSize];
        var db = new double[g.Filters];
        ForEachTerm(g, batch, (xi, ki, yi) =>
        {
            dx[xi] += (double)dz[yi] * kernel[ki];
            dk[ki] += (double)dz[yi] * x[xi];
        });
        for (int i = 0; i < dz.Length; i++)
        {
            db[i % g.Filters] += dz[i];
        }

        return (ToFloat(dx), ToFloat(dk), ToFloat(db));
    }

    /// <summary>Visits every (input, kernel, output) index triple of the sum.</summary>
    private static void ForEachTerm(ConvGeometry g, int batch, Action<int, int, int> term)
    {
        int cg = g.GroupChannels, fg = g.GroupFilters;
        for (int b = 0; b < batch; b++)
        {
            for (int oh = 0; oh < g.OutputHeight; oh++)
            {
                for (int ow = 0; ow < g.OutputWidth; ow++)
                {
                    for (int f = 0; f < g.Filters; f++)
                    {
                        int yi = (((b * g.OutputHeight) + oh) * g.OutputWidth + ow) * g.Filters + f;
                        for (int kh = 0; kh < g.KernelHeight; kh++)
                        {
                            int ih = (oh * g.StrideHeight) - g.PadTop + (kh * g.DilationHeight);
                            for (int kw = 0; kw < g.KernelWidth; kw++)
                            {
                                int iw = (ow * g.StrideWidth) - g.PadLeft + (kw * g.DilationWidth);
                                if (ih < 0 || ih >= g.Height || iw < 0 || iw >= g.Width)
                                {
                                    continue;
                                }

                                for (int c = 0; c < cg; c++)
                                {
                                    int xi = (((b * g.Height) + ih) * g.Width + iw) * g.Channels + ((f / fg) * cg) + c;
                                    int ki = ((((kh * g.KernelWidth) + kw) * cg) + c) * g.Filters + f;
                                    term(xi, ki, yi);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static float[] ToFloat(double[] values) => values.Select(v => (float)v).ToArray();
}

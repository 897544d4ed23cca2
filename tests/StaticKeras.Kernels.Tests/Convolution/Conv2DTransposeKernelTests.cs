using StaticKeras.Kernels.Tests.Gemm;
using static StaticKeras.Testing.FiniteDifferences;

namespace StaticKeras.Kernels.Tests.Convolution;

/// <summary>
/// Conv2DTranspose against JAX's definition, which Keras's JAX backend calls
/// (keras/src/backend/jax/nn.py <c>conv_transpose</c>): insert stride − 1 zeros between inputs,
/// pad by <c>_convert_conv_transpose_padding_args_from_keras_to_jax</c>, correlate with the
/// spatially flipped kernel. Written independently of the adjoint geometry the kernel uses.
/// </summary>
public sealed class Conv2DTransposeKernelTests
{
    public static TheoryData<int, int, int, int, int, int, int, bool, int?> Cases() => new()
    {
        // height, width, channels, filters, kernel, stride, dilation, same, output padding
        { 3, 4, 2, 3, 3, 1, 1, false, null },
        { 3, 4, 2, 3, 3, 2, 1, true, null },
        { 4, 3, 2, 2, 3, 2, 1, false, 1 },
        { 3, 3, 3, 2, 4, 3, 1, true, 2 },
        { 3, 5, 2, 2, 3, 1, 2, true, null },
        { 2, 3, 2, 3, 2, 2, 1, true, 0 },
    };

    /// <summary>Adds a case with enough channels for several GEMM tiles (too large for finite differences).</summary>
    public static TheoryData<int, int, int, int, int, int, int, bool, int?> ForwardCases()
    {
        TheoryData<int, int, int, int, int, int, int, bool, int?> cases = Cases();
        cases.Add(5, 4, 16, 24, 3, 2, 1, true, 1);
        return cases;
    }

    [Theory]
    [InlineData(4, 3, 2, 1, true, null, 8)]   // same: input · stride
    [InlineData(4, 3, 2, 1, false, null, 9)]  // valid: (input − 1)·stride + max(kernel, stride)
    [InlineData(4, 3, 2, 1, false, 1, 10)]    // valid + output padding
    [InlineData(4, 3, 2, 1, true, 1, 8)]      // same + output padding: (input − 1)·stride + kernel % 2 + p
    [InlineData(5, 3, 1, 2, true, null, 5)]
    public void Output_length_is_Keras(int input, int kernel, int stride, int dilation, bool same, int? outputPadding, int expected)
    {
        Assert.Equal(expected, ConvPadding.Transpose(input, kernel, stride, dilation, same, outputPadding).Output);
    }

    [Theory]
    [MemberData(nameof(ForwardCases))]
    public void Forward_matches_JAX_conv_transpose(int h, int w, int c, int f, int k, int s, int d, bool same, int? op)
    {
        ConvGeometry a = Conv2DTransposeKernel.Geometry(h, w, c, f, k, k, s, s, d, d, same, op, op);
        const int batch = 2;
        float[] x = Random(batch * h * w * c, 1), kernel = Random(k * k * f * c, 2), bias = Random(f, 3);
        float[] expected = Reference(x, kernel, bias, batch, h, w, c, f, k, s, d, same, op);
        var y = new float[batch * a.InputSize];
        Conv2DTransposeKernel.Forward(a, batch, x, kernel, bias, y, relu: false, new float[Conv2DTransposeKernel.ScratchSize(a)]);
        Assert.Equal(expected.Length, y.Length);
        GemmReference.AssertClose(expected, y, k * k * c, $"transpose h={h} k={k} s={s} d={d} same={same} op={op}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Backward_matches_finite_differences(int h, int w, int c, int f, int k, int s, int d, bool same, int? op)
    {
        ConvGeometry a = Conv2DTransposeKernel.Geometry(h, w, c, f, k, k, s, s, d, d, same, op, op);
        const int batch = 2;
        float[] x = Random(batch * h * w * c, 4), kernel = Random(k * k * f * c, 5), bias = Random(f, 6), r = Random(batch * a.InputSize, 7);
        var y = new float[batch * a.InputSize];
        var scratch = new float[Conv2DTransposeKernel.ScratchSize(a)];
        double Loss()
        {
            Conv2DTransposeKernel.Forward(a, batch, x, kernel, bias, y, relu: false, scratch);
            return Dot(r, y);
        }

        Loss();
        float[] dx = new float[x.Length], dk = new float[kernel.Length], db = new float[f];
        Conv2DTransposeKernel.Backward(a, batch, x, kernel, y, (float[])r.Clone(), dk, db, dx, accumulateDx: false, relu: false, scratch);
        AssertGradient(x, dx, Loss, "dx");
        AssertGradient(kernel, dk, Loss, "dKernel");
        AssertGradient(bias, db, Loss, "dBias");
    }

    /// <summary>JAX's conv_transpose per axis: dilate x by the stride, pad (left, right), correlate with the flipped kernel.</summary>
    private static float[] Reference(float[] x, float[] kernel, float[] bias, int batch, int h, int w, int c, int f, int k, int s, int d, bool same, int? op)
    {
        (int top, int bottom) = JaxPadding(k, s, d, same, op);
        int effective = (d * (k - 1)) + 1;
        int oh = ((h - 1) * s) + 1 + top + bottom - effective + 1, ow = ((w - 1) * s) + 1 + top + bottom - effective + 1;
        var y = new double[batch * oh * ow * f];
        for (int b = 0; b < batch; b++)
        {
            for (int i = 0; i < oh; i++)
            {
                for (int j = 0; j < ow; j++)
                {
                    for (int o = 0; o < f; o++)
                    {
                        double sum = bias[o];
                        for (int th = 0; th < k; th++)
                        {
                            for (int tw = 0; tw < k; tw++)
                            {
                                // Position in the dilated, padded input; a real input only where it lands on the stride grid.
                                int ph = i + (th * d) - top, pw = j + (tw * d) - top;
                                if (ph < 0 || pw < 0 || ph % s != 0 || pw % s != 0 || ph / s >= h || pw / s >= w)
                                {
                                    continue;
                                }

                                int fh = k - 1 - th, fw = k - 1 - tw; // the flipped kernel
                                for (int ch = 0; ch < c; ch++)
                                {
                                    sum += (double)x[(((b * h) + (ph / s)) * w + (pw / s)) * c + ch] * kernel[(((fh * k) + fw) * f + o) * c + ch];
                                }
                            }
                        }

                        y[(((b * oh) + i) * ow + j) * f + o] = sum;
                    }
                }
            }
        }

        return y.Select(v => (float)v).ToArray();
    }

    /// <summary>keras/src/backend/common/backend_utils.py, _convert_conv_transpose_padding_args_from_keras_to_jax (square kernels: one pair for both axes).</summary>
    private static (int Left, int Right) JaxPadding(int k, int s, int d, bool same, int? op)
    {
        int kernel = ((k - 1) * d) + 1;
        if (!same)
        {
            int extra = op ?? (Math.Max(kernel, s) - kernel);
            return (kernel - 1, kernel - 1 + extra);
        }

        int padLength = op is int p ? kernel + (kernel % 2) - 2 + p : s + kernel - 2;
        int left = Math.Min((padLength / 2) + (padLength % 2), kernel - 1);
        return (left, padLength - left);
    }
}

namespace StaticKeras.Kernels.Tests.Convolution;

/// <summary>DepthwiseConv2D reads Keras's kernel <c>(kh, kw, channels, multiplier)</c> as it is and orders outputs <c>c · multiplier + m</c>.</summary>
public sealed class DepthwiseLayoutTests
{
    [Fact]
    public void Output_channel_c_times_multiplier_plus_m_is_input_c_through_kernel_kh_kw_c_m()
    {
        const int h = 4, w = 5, channels = 3, multiplier = 2, k = 2;
        ConvGeometry g = ConvGeometry.Depthwise(h, w, channels, multiplier, k, k);
        float[] x = StaticKeras.Testing.FiniteDifferences.Random(h * w * channels, 1);
        float[] kernel = StaticKeras.Testing.FiniteDifferences.Random(k * k * channels * multiplier, 2);
        var y = new float[g.OutputSize];
        Conv2DKernel.Forward(g, 1, x, kernel, [], y, relu: false, []);
        for (int oh = 0; oh < g.OutputHeight; oh++)
        {
            for (int ow = 0; ow < g.OutputWidth; ow++)
            {
                for (int c = 0; c < channels; c++)
                {
                    for (int m = 0; m < multiplier; m++)
                    {
                        double sum = 0;
                        for (int kh = 0; kh < k; kh++)
                        {
                            for (int kw = 0; kw < k; kw++)
                            {
                                sum += (double)x[(((oh + kh) * w) + ow + kw) * channels + c] * kernel[(((kh * k) + kw) * channels + c) * multiplier + m];
                            }
                        }

                        Assert.Equal(sum, y[(((oh * g.OutputWidth) + ow) * channels + c) * multiplier + m], 5);
                    }
                }
            }
        }
    }
}

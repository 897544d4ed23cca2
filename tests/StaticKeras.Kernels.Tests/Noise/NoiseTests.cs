namespace StaticKeras.Kernels.Tests.Noise;

/// <summary>SpatialDropout, GaussianNoise and GaussianDropout: Keras's distributions, the seed's reproducibility, and backward passes through the kept noise.</summary>
public sealed class NoiseTests
{
    [Fact]
    public void Spatial_dropout_drops_whole_channels_at_the_rate_and_scales_the_rest()
    {
        const int batch = 50, positions = 12, channels = 40;
        const double rate = 0.3;
        float[] x = Enumerable.Repeat(1f, batch * positions * channels).ToArray(), y = new float[x.Length], mask = new float[batch * channels];
        SpatialDropoutKernel.ForwardTraining(x, y, mask, batch, positions, channels, rate, new SeededRandom(1));
        float scale = (float)(1 / (1 - rate));
        Assert.All(mask, m => Assert.True(m == 0f || m == scale));
        for (int b = 0; b < batch; b++)
        {
            for (int p = 0; p < positions; p++)
            {
                Assert.Equal(mask.AsSpan(b * channels, channels).ToArray(), y.AsSpan(((b * positions) + p) * channels, channels).ToArray());
            }
        }

        double dropped = mask.Count(m => m == 0f) / (double)mask.Length;
        Assert.InRange(dropped, rate - 0.05, rate + 0.05);
        var dx = new float[x.Length];
        SpatialDropoutKernel.Backward(x, mask, dx, batch, positions, channels, accumulate: false);
        Assert.Equal(y, dx);

        var again = new float[mask.Length];
        SpatialDropoutKernel.ForwardTraining(x, new float[x.Length], again, batch, positions, channels, rate, new SeededRandom(1));
        Assert.Equal(mask, again);
    }

    [Fact]
    public void Gaussian_noise_adds_zero_mean_noise_of_the_deviation_and_passes_the_gradient()
    {
        const int n = 200_000;
        float[] x = Enumerable.Repeat(3f, n).ToArray(), y = new float[n];
        GaussianNoiseKernel.ForwardTraining(x, y, 0.5, new SeededRandom(2));
        double mean = y.Average(v => v - 3.0), std = Math.Sqrt(y.Average(v => (v - 3.0 - mean) * (v - 3.0 - mean)));
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(std, 0.49, 0.51);
        float[] dy = StaticKeras.Testing.FiniteDifferences.Random(n, 3), dx = Enumerable.Repeat(1f, n).ToArray();
        GaussianNoiseKernel.Backward(dy, dx, accumulate: true);
        Assert.Equal(dy[7] + 1f, dx[7]);
    }

    [Fact]
    public void Gaussian_dropout_multiplies_by_one_centred_noise_and_its_gradient_by_the_same()
    {
        const int n = 200_000;
        const double rate = 0.2;
        float[] x = StaticKeras.Testing.FiniteDifferences.Random(n, 4), y = new float[n], noise = new float[n];
        GaussianDropoutKernel.ForwardTraining(x, y, noise, rate, new SeededRandom(5));
        double mean = noise.Average(v => (double)v), std = Math.Sqrt(noise.Average(v => (v - mean) * (v - mean)));
        Assert.InRange(mean, 0.99, 1.01);
        Assert.InRange(std, Math.Sqrt(rate / (1 - rate)) - 0.01, Math.Sqrt(rate / (1 - rate)) + 0.01);
        Assert.Equal(x[11] * noise[11], y[11]);
        var dx = new float[n];
        GaussianDropoutKernel.Backward(x, noise, dx, accumulate: false);
        Assert.Equal(y, dx);
    }
}

using static StaticKeras.Testing.FiniteDifferences;

namespace StaticKeras.Kernels.Tests.Preprocessing;

/// <summary>RandomFlip's and RandomContrast's kernels against Keras's formulas, with finite-difference gradients.</summary>
public sealed class ImageKernelTests
{
    [Theory]
    [InlineData(true, false, new float[] { 2, 1, 4, 3, 6, 5 })]
    [InlineData(false, true, new float[] { 5, 6, 3, 4, 1, 2 })]
    [InlineData(true, true, new float[] { 6, 5, 4, 3, 2, 1 })]
    public void Flips_reverse_columns_rows_or_both(bool horizontal, bool vertical, float[] expected)
    {
        // One 3 × 2 image with one channel: rows (1 2) (3 4) (5 6); flags 1 (flip), 0 (keep).
        float[] image = [1, 2, 3, 4, 5, 6];
        float[] batch = [.. image, .. image];
        var y = new float[12];
        float[] flips = [1, 0];
        RandomFlipKernel.Backward(batch, y, flips, horizontal, vertical, 2, 3, 2, 1, accumulate: false);
        Assert.Equal([.. expected, .. image], y);
    }

    [Fact]
    public void Flips_are_drawn_per_image_from_the_seed_about_half_the_time_and_flow_back()
    {
        const int batch = 400, height = 2, width = 3, channels = 2, size = height * width * channels;
        float[] x = Random(batch * size, 1);
        var y = new float[batch * size];
        var flips = new float[batch];
        RandomFlipKernel.ForwardTraining(x, y, flips, true, true, new SeededRandom(5), batch, height, width, channels);
        var again = new float[batch];
        RandomFlipKernel.ForwardTraining(x, new float[batch * size], again, true, true, new SeededRandom(5), batch, height, width, channels);
        Assert.Equal(flips, again);
        Assert.InRange(flips.Sum(), 160, 240);

        float[] dy = Random(batch * size, 2);
        var dx = new float[batch * size];
        RandomFlipKernel.Backward(dy, dx, flips, true, true, batch, height, width, channels, accumulate: false);
        Assert.Equal(Dot(dy, y), Dot(x, dx), 4);
    }

    [Fact]
    public void Contrast_scales_each_channel_about_its_mean_and_clips_as_keras()
    {
        // One 2 × 2 image, 2 channels: channel 0 is 0.2 0.4 0.6 0.8 (mean 0.5), channel 1 is all 0.9.
        float[] x = [0.2f, 0.9f, 0.4f, 0.9f, 0.6f, 0.9f, 0.8f, 0.9f];
        var y = new float[8];
        var factors = new float[1];
        RandomContrastKernel.ForwardTraining(x, y, factors, 0, 1, 0, 1, new SeededRandom(3), 1, 4, 2);
        float c = factors[0];
        Assert.InRange(c, 1f, 2f);
        for (int i = 0; i < 8; i += 2)
        {
            Assert.Equal(Math.Clamp(((x[i] - 0.5f) * c) + 0.5f, 0f, 1f), y[i], 5);
            Assert.Equal(0.9f, y[i + 1], 5);
        }
    }

    [Fact]
    public void Contrast_backward_matches_finite_differences_inside_and_at_the_clip()
    {
        const int batch = 2, pixels = 6, channels = 3, size = pixels * channels;
        float[] x = Random(batch * size, 4, 0.9f), r = Random(batch * size, 5);
        float[] factors = [1.4f, 0.6f];
        var y = new float[batch * size];
        double Loss()
        {
            for (int b = 0; b < batch; b++)
            {
                // Forward with the factors kept: a stream that draws exactly them is not needed, so
                // rebuild the output from Keras's formula per image through the kernel's own clip.
                Forward(x.AsSpan(b * size, size), y.AsSpan(b * size, size), factors[b], pixels, channels);
            }

            return Dot(r, y);
        }

        Loss();
        var dx = new float[batch * size];
        RandomContrastKernel.Backward(x, r, dx, factors, -1, 1, batch, pixels, channels, accumulate: false);
        AssertGradient(x, dx, Loss, "dx", epsilon: 1e-3f);
    }

    /// <summary>Keras's _adjust_contrast and clip, written plainly.</summary>
    private static void Forward(ReadOnlySpan<float> x, Span<float> y, float c, int pixels, int channels)
    {
        for (int ch = 0; ch < channels; ch++)
        {
            double mean = 0;
            for (int p = 0; p < pixels; p++)
            {
                mean += x[(p * channels) + ch];
            }

            float m = (float)(mean / pixels);
            for (int p = 0; p < pixels; p++)
            {
                int i = (p * channels) + ch;
                y[i] = Math.Clamp(((x[i] - m) * c) + m, -1f, 1f);
            }
        }
    }
}

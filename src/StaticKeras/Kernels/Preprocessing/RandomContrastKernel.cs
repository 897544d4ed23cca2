using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's <c>RandomContrast</c> (keras/src/layers/preprocessing/image_preprocessing/random_contrast.py):
/// per training image a factor <c>c</c> uniform in <c>[1 − lower, 1 + upper]</c>, then per channel
/// <c>y = clip((x − m) · c + m, low, high)</c>, m the channel's mean over the image. Backward,
/// with <c>g = dy</c> where the value was not clipped (0 where it was):
/// <c>dx = c · g + (1 − c) · mean(g)</c> over the channel (the mean depends on every pixel).
/// </summary>
public static class RandomContrastKernel
{
    /// <summary>Draws a factor per image (into <paramref name="factors"/>) and writes the adjusted batch.</summary>
    /// <param name="x">Images, <c>(batch, height, width, channels)</c>.</param>
    /// <param name="y">Output, as x.</param>
    /// <param name="factors">Receives one contrast factor per image, kept for the backward pass.</param>
    /// <param name="lower">The factor range's lower width: factors start at <c>1 − lower</c>.</param>
    /// <param name="upper">The factor range's upper width: factors end at <c>1 + upper</c>.</param>
    /// <param name="low">The smallest value an image holds (Keras's <c>value_range[0]</c>).</param>
    /// <param name="high">The largest value an image holds (<c>value_range[1]</c>).</param>
    /// <param name="random">The layer's random stream.</param>
    /// <param name="batch">Images.</param>
    /// <param name="pixels">Pixels per image (height × width).</param>
    /// <param name="channels">Channels.</param>
    public static void ForwardTraining(ReadOnlySpan<float> x, Span<float> y, Span<float> factors, float lower, float upper, float low, float high, SeededRandom random, int batch, int pixels, int channels)
    {
        int image = pixels * channels;
        for (int b = 0; b < batch; b++)
        {
            float c = factors[b] = (float)ImageTransforms.Uniform(random, 1.0 - lower, 1.0 + upper);
            ReadOnlySpan<float> source = x.Slice(b * image, image);
            Span<float> target = y.Slice(b * image, image);
            for (int channel = 0; channel < channels; channel++)
            {
                float m = ChannelMean(source, channel, channels);
                for (int i = channel; i < image; i += channels)
                {
                    target[i] = Math.Clamp(((source[i] - m) * c) + m, low, high);
                }
            }
        }
    }

    /// <summary><c>dx (+)= c · g + (1 − c) · mean(g)</c> per channel, g the output gradient where the value was not clipped.</summary>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx, ReadOnlySpan<float> factors, float low, float high, int batch, int pixels, int channels, bool accumulate)
    {
        int image = pixels * channels;
        for (int b = 0; b < batch; b++)
        {
            float c = factors[b];
            ReadOnlySpan<float> source = x.Slice(b * image, image), gradient = dy.Slice(b * image, image);
            Span<float> target = dx.Slice(b * image, image);
            for (int channel = 0; channel < channels; channel++)
            {
                float m = ChannelMean(source, channel, channels);
                double sum = 0;
                for (int i = channel; i < image; i += channels)
                {
                    sum += Passes(source[i], m, c, low, high) ? gradient[i] : 0f;
                }

                float shared = (float)((1 - c) * sum / pixels);
                for (int i = channel; i < image; i += channels)
                {
                    float g = (Passes(source[i], m, c, low, high) ? c * gradient[i] : 0f) + shared;
                    target[i] = accumulate ? target[i] + g : g;
                }
            }
        }
    }

    /// <summary>True where the adjusted value lies inside the range, so the clip passes its gradient.</summary>
    private static bool Passes(float x, float mean, float c, float low, float high)
    {
        float v = ((x - mean) * c) + mean;
        return v > low && v < high;
    }

    private static float ChannelMean(ReadOnlySpan<float> image, int channel, int channels)
    {
        double sum = 0;
        for (int i = channel; i < image.Length; i += channels)
        {
            sum += image[i];
        }

        return (float)(sum / (image.Length / channels));
    }
}

using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's UpSampling2D (and UpSampling1D as a height of 1) on channels-last images, by integer
/// factors. <c>nearest</c> repeats rows and columns (keras/src/layers/reshaping/up_sampling2d.py
/// uses <c>ops.repeat</c>); <c>bilinear</c> is <c>ops.image.resize</c> without antialiasing:
/// half-pixel centres, source <c>(o + 0.5)/size − 0.5</c> clamped to the image (TensorFlow's
/// <c>tf.image.resize</c> and JAX's <c>jax.image.resize</c> agree on it), see <see cref="BilinearAxis"/>.
/// </summary>
public static unsafe class UpSamplingKernel
{
    /// <summary><c>y[b, h·sh + i, w·sw + j, c] = x[b, h, w, c]</c>.</summary>
    /// <param name="batch">Samples.</param>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="channels">Channels.</param>
    /// <param name="sizeHeight">Row factor.</param>
    /// <param name="sizeWidth">Column factor.</param>
    /// <param name="x">Input.</param>
    /// <param name="y">Output, <c>(batch, height · sizeHeight, width · sizeWidth, channels)</c>.</param>
    public static void NearestForward(int batch, int height, int width, int channels, int sizeHeight, int sizeWidth, ReadOnlySpan<float> x, Span<float> y)
    {
        Check(batch, height, width, channels, sizeHeight, sizeWidth, x, y, nameof(x), nameof(y));
        int outWidth = width * sizeWidth;
        fixed (float* px = x, py = y)
        {
            for (int b = 0; b < batch; b++)
            {
                for (int h = 0; h < height; h++)
                {
                    float* from = px + ((((nint)b * height) + h) * width * channels);
                    float* first = py + ((((nint)b * height) + h) * sizeHeight * outWidth * channels);
                    for (int w = 0; w < width; w++)
                    {
                        for (int j = 0; j < sizeWidth; j++)
                        {
                            FloatRuns.Copy(from + ((nint)w * channels), first + ((((nint)w * sizeWidth) + j) * channels), channels);
                        }
                    }

                    for (int i = 1; i < sizeHeight; i++)
                    {
                        new Span<float>(first, outWidth * channels).CopyTo(new Span<float>(first + ((nint)i * outWidth * channels), outWidth * channels));
                    }
                }
            }
        }
    }

    /// <summary><c>dx[b, h, w, c] (+)= Σ</c> of dy over the <c>sizeHeight × sizeWidth</c> block it was copied to.</summary>
    /// <param name="batch">Samples.</param>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="channels">Channels.</param>
    /// <param name="sizeHeight">Row factor.</param>
    /// <param name="sizeWidth">Column factor.</param>
    /// <param name="dy">dL/dy.</param>
    /// <param name="dx">Receives dL/dx.</param>
    /// <param name="accumulate">Add to dx instead of overwriting it.</param>
    public static void NearestBackward(int batch, int height, int width, int channels, int sizeHeight, int sizeWidth, ReadOnlySpan<float> dy, Span<float> dx, bool accumulate)
    {
        Check(batch, height, width, channels, sizeHeight, sizeWidth, dx, dy, nameof(dx), nameof(dy));
        int outWidth = width * sizeWidth;
        fixed (float* pdy = dy, pdx = dx)
        {
            for (int b = 0; b < batch; b++)
            {
                for (int h = 0; h < height; h++)
                {
                    for (int w = 0; w < width; w++)
                    {
                        float* to = pdx + ((((((nint)b * height) + h) * width) + w) * channels);
                        if (!accumulate)
                        {
                            FloatRuns.Clear(to, channels);
                        }

                        for (int i = 0; i < sizeHeight; i++)
                        {
                            float* row = pdy + ((((((nint)b * height) + h) * sizeHeight) + i) * outWidth * channels) + ((nint)w * sizeWidth * channels);
                            for (int j = 0; j < sizeWidth; j++)
                            {
                                FloatRuns.Add(row + ((nint)j * channels), to, channels);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Bilinear upsampling with half-pixel centres.</summary>
    /// <param name="batch">Samples.</param>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="channels">Channels.</param>
    /// <param name="sizeHeight">Row factor.</param>
    /// <param name="sizeWidth">Column factor.</param>
    /// <param name="x">Input.</param>
    /// <param name="y">Output, <c>(batch, height · sizeHeight, width · sizeWidth, channels)</c>.</param>
    public static void BilinearForward(int batch, int height, int width, int channels, int sizeHeight, int sizeWidth, ReadOnlySpan<float> x, Span<float> y)
    {
        Check(batch, height, width, channels, sizeHeight, sizeWidth, x, y, nameof(x), nameof(y));
        fixed (float* px = x, py = y)
        {
            Bilinear.Forward(batch, height, width, channels, sizeHeight, sizeWidth, px, py);
        }
    }

    /// <summary>The bilinear upsampling's backward pass: each dy shared among its four sources by the same weights.</summary>
    /// <param name="batch">Samples.</param>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="channels">Channels.</param>
    /// <param name="sizeHeight">Row factor.</param>
    /// <param name="sizeWidth">Column factor.</param>
    /// <param name="dy">dL/dy.</param>
    /// <param name="dx">Receives dL/dx.</param>
    /// <param name="accumulate">Add to dx instead of overwriting it.</param>
    public static void BilinearBackward(int batch, int height, int width, int channels, int sizeHeight, int sizeWidth, ReadOnlySpan<float> dy, Span<float> dx, bool accumulate)
    {
        Check(batch, height, width, channels, sizeHeight, sizeWidth, dx, dy, nameof(dx), nameof(dy));
        fixed (float* pdy = dy, pdx = dx)
        {
            if (!accumulate)
            {
                new Span<float>(pdx, batch * height * width * channels).Clear();
            }

            Bilinear.Backward(batch, height, width, channels, sizeHeight, sizeWidth, pdy, pdx);
        }
    }

    private static void Check(int batch, int height, int width, int channels, int sizeHeight, int sizeWidth, ReadOnlySpan<float> input, ReadOnlySpan<float> output, string inputName, string outputName)
    {
        GeometryChecks.RequirePositive(sizeHeight, nameof(sizeHeight), "upsampling");
        GeometryChecks.RequirePositive(sizeWidth, nameof(sizeWidth), "upsampling");
        SpatialChecks.Check(batch, height, width, height * sizeHeight, width * sizeWidth, channels, input, output, inputName, outputName);
    }
}

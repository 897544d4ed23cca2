using System;
using System.Runtime.CompilerServices;

namespace StaticKeras.Kernels;

/// <summary>
/// Where output position <c>o</c> of an axis upsampled by <c>size</c> samples the input, as
/// <c>tf.image.resize(..., "bilinear")</c> computes it (half-pixel centres, in float):
/// <c>s = (o + 0.5)·(1/size) − 0.5</c>, lower <c>max(⌊s⌋, 0)</c>, upper <c>min(⌈s⌉, length − 1)</c>,
/// weight of the upper <c>s − ⌊s⌋</c>.
/// </summary>
internal readonly struct BilinearAxis
{
    /// <summary>The sample of output <paramref name="o"/>.</summary>
    public BilinearAxis(int o, int size, int length)
    {
        float s = ((o + 0.5f) * (1f / size)) - 0.5f;
        float floor = MathF.Floor(s);
        Lower = Math.Max((int)floor, 0);
        Upper = Math.Min((int)MathF.Ceiling(s), length - 1);
        Fraction = s - floor;
    }

    /// <summary>The lower input index.</summary>
    public int Lower { get; }

    /// <summary>The upper input index.</summary>
    public int Upper { get; }

    /// <summary>The upper one's weight (the lower's is <c>1 − Fraction</c>).</summary>
    public float Fraction { get; }
}

/// <summary>Bilinear upsampling's passes: TensorFlow's lerps, <c>top = tl + (tr − tl)·fx</c>, <c>y = top + (bottom − top)·fy</c>, across channels.</summary>
internal static unsafe class Bilinear
{
    public static void Forward(int batch, int height, int width, int channels, int sizeHeight, int sizeWidth, float* x, float* y)
    {
        int outHeight = height * sizeHeight, outWidth = width * sizeWidth;
        for (int b = 0; b < batch; b++)
        {
            float* sample = x + ((nint)b * height * width * channels);
            for (int oh = 0; oh < outHeight; oh++)
            {
                var rows = new BilinearAxis(oh, sizeHeight, height);
                for (int ow = 0; ow < outWidth; ow++)
                {
                    var columns = new BilinearAxis(ow, sizeWidth, width);
                    var step = new ForwardStep
                    {
                        TopLeft = Pixel(sample, rows.Lower, columns.Lower, width, channels),
                        TopRight = Pixel(sample, rows.Lower, columns.Upper, width, channels),
                        BottomLeft = Pixel(sample, rows.Upper, columns.Lower, width, channels),
                        BottomRight = Pixel(sample, rows.Upper, columns.Upper, width, channels),
                        Fx = columns.Fraction,
                        Fy = rows.Fraction,
                        Y = y + ((((((nint)b * outHeight) + oh) * outWidth) + ow) * channels),
                    };
                    ChannelLoop.Run(ref step, channels);
                }
            }
        }
    }

    /// <summary>Adds each dy to its four sources: <c>(1 − fy)(1 − fx)</c>, <c>(1 − fy)fx</c>, <c>fy(1 − fx)</c>, <c>fy·fx</c>.</summary>
    public static void Backward(int batch, int height, int width, int channels, int sizeHeight, int sizeWidth, float* dy, float* dx)
    {
        int outHeight = height * sizeHeight, outWidth = width * sizeWidth;
        for (int b = 0; b < batch; b++)
        {
            float* sample = dx + ((nint)b * height * width * channels);
            for (int oh = 0; oh < outHeight; oh++)
            {
                var rows = new BilinearAxis(oh, sizeHeight, height);
                for (int ow = 0; ow < outWidth; ow++)
                {
                    var columns = new BilinearAxis(ow, sizeWidth, width);
                    float* g = dy + ((((((nint)b * outHeight) + oh) * outWidth) + ow) * channels);
                    float top = 1f - rows.Fraction, left = 1f - columns.Fraction;
                    Share(g, top * left, Pixel(sample, rows.Lower, columns.Lower, width, channels), channels);
                    Share(g, top * columns.Fraction, Pixel(sample, rows.Lower, columns.Upper, width, channels), channels);
                    Share(g, rows.Fraction * left, Pixel(sample, rows.Upper, columns.Lower, width, channels), channels);
                    Share(g, rows.Fraction * columns.Fraction, Pixel(sample, rows.Upper, columns.Upper, width, channels), channels);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float* Pixel(float* sample, int h, int w, int width, int channels) => sample + ((((nint)h * width) + w) * channels);

    private static void Share(float* dy, float weight, float* to, int channels)
    {
        if (weight != 0f)
        {
            FloatRuns.ScaleAdd(weight, dy, to, channels);
        }
    }

    private struct ForwardStep : IChannelStep
    {
        public float* TopLeft;
        public float* TopRight;
        public float* BottomLeft;
        public float* BottomRight;
        public float* Y;
        public float Fx;
        public float Fy;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Vector<TOps, TMask, TVector>(int j)
            where TOps : struct, IVectorOps<TVector>
            where TMask : struct, IMaskOps<TVector>
            where TVector : struct
        {
            TVector fx = TOps.Broadcast(Fx);
            TVector tl = TOps.Load(TopLeft + j), bl = TOps.Load(BottomLeft + j);
            TVector top = TOps.Add(tl, TOps.Multiply(TOps.Subtract(TOps.Load(TopRight + j), tl), fx));
            TVector bottom = TOps.Add(bl, TOps.Multiply(TOps.Subtract(TOps.Load(BottomRight + j), bl), fx));
            TOps.Store(TOps.Add(top, TOps.Multiply(TOps.Subtract(bottom, top), TOps.Broadcast(Fy))), Y + j);
        }
    }
}

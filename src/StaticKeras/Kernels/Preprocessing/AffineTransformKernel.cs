using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Resamples channels-last images through one affine map per image, as Keras's
/// <c>ops.image.affine_transform</c> does on the TensorFlow backend
/// (<c>ImageProjectiveTransformV3</c>, tensorflow/core/kernels/image/image_ops.h): output pixel
/// <c>(x, y)</c> (column, row) reads the input at <c>(a0·x + a1·y + a2, b0·x + b1·y + b2)</c>, that
/// point is mapped into the image by the fill mode, then read nearest or bilinearly, a pixel outside
/// the image reading as the fill value. The output is linear in the input for fixed maps, so the
/// backward pass is the transpose: each output gradient goes back to the pixels it was read from,
/// with the same weights (the fill value gets none).
/// </summary>
public static class AffineTransformKernel
{
    /// <summary>Floats per image in a transforms buffer: a0, a1, a2, b0, b1, b2.</summary>
    public const int TransformLength = 6;

    /// <summary>Writes each image resampled through its map.</summary>
    /// <param name="x">Images, <c>(batch, height, width, channels)</c>.</param>
    /// <param name="y">Output, as x.</param>
    /// <param name="transforms">Per image, <see cref="TransformLength"/> floats: a0, a1, a2, b0, b1, b2.</param>
    /// <param name="batch">Images.</param>
    /// <param name="height">Rows.</param>
    /// <param name="width">Columns.</param>
    /// <param name="channels">Channels.</param>
    /// <param name="fillMode">How points outside the image are mapped.</param>
    /// <param name="interpolation">Nearest or bilinear.</param>
    /// <param name="fillValue">What a pixel outside the image reads as.</param>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, ReadOnlySpan<float> transforms, int batch, int height, int width, int channels, FillMode fillMode, Interpolation interpolation, float fillValue)
    {
        var read = new ReadPixels { Image = x, Output = y, Fill = fillValue };
        Sweep(ref read, transforms, batch, height, width, channels, fillMode, interpolation);
    }

    /// <summary><c>dx (+)= Tᵀ dy</c>: each output gradient added back to the input pixels it read, with their weights.</summary>
    public static void Backward(ReadOnlySpan<float> dy, Span<float> dx, ReadOnlySpan<float> transforms, int batch, int height, int width, int channels, FillMode fillMode, Interpolation interpolation, bool accumulate)
    {
        if (!accumulate)
        {
            dx.Slice(0, batch * height * width * channels).Clear();
        }

        var scatter = new ScatterGradients { Gradient = dy, InputGradient = dx };
        Sweep(ref scatter, transforms, batch, height, width, channels, fillMode, interpolation);
    }

    /// <summary>Visits every output pixel of every image with the input taps its map gives.</summary>
    private static void Sweep<TVisitor>(ref TVisitor visitor, ReadOnlySpan<float> transforms, int batch, int height, int width, int channels, FillMode fillMode, Interpolation interpolation)
        where TVisitor : struct, IPixelVisitor, allows ref struct
    {
        int image = height * width * channels;
        for (int b = 0; b < batch; b++)
        {
            ReadOnlySpan<float> map = transforms.Slice(b * TransformLength, TransformLength);
            for (int row = 0; row < height; row++)
            {
                for (int column = 0; column < width; column++)
                {
                    Taps taps = Taps.At(map, column, row, height, width, channels, fillMode, interpolation);
                    visitor.Visit(taps, b * image, ((row * width) + column) * channels, channels);
                }
            }
        }
    }

    /// <summary>What a sweep does at one output pixel.</summary>
    private interface IPixelVisitor
    {
        /// <summary>Handles output pixel <paramref name="pixel"/> of the image starting at <paramref name="image"/>.</summary>
        void Visit(in Taps taps, int image, int pixel, int channels);
    }

    /// <summary>Forward: the output pixel reads its taps.</summary>
    private ref struct ReadPixels : IPixelVisitor
    {
        public ReadOnlySpan<float> Image;
        public Span<float> Output;
        public float Fill;

        public readonly void Visit(in Taps taps, int image, int pixel, int channels)
        {
            ReadOnlySpan<float> source = Image.Slice(image);
            for (int c = 0; c < channels; c++)
            {
                Output[image + pixel + c] = taps.Read(source, c, Fill);
            }
        }
    }

    /// <summary>Backward: the output pixel's gradient goes back to its taps.</summary>
    private ref struct ScatterGradients : IPixelVisitor
    {
        public ReadOnlySpan<float> Gradient;
        public Span<float> InputGradient;

        public readonly void Visit(in Taps taps, int image, int pixel, int channels)
        {
            Span<float> target = InputGradient.Slice(image);
            for (int c = 0; c < channels; c++)
            {
                taps.Scatter(target, c, Gradient[image + pixel + c]);
            }
        }
    }

    /// <summary>TensorFlow's <c>MapCoordinate</c>: an input coordinate outside [0, len − 1] brought inside by the fill mode.</summary>
    internal static float Map(float coordinate, int length, FillMode mode)
    {
        float c = coordinate;
        switch (mode)
        {
            case FillMode.Constant:
                return c;
            case FillMode.Reflect when length > 1 && c < 0:
                float twice = 2 * length;
                c = c < twice ? (twice * (int)(-c / twice)) + c : c;
                c = c < -length ? c + twice : -c - 1;
                break;
            case FillMode.Reflect when length > 1 && c > length - 1:
                twice = 2 * length;
                c -= twice * (int)(c / twice);
                c = c >= length ? twice - c - 1 : c;
                break;
            case FillMode.Wrap when length > 1 && c < 0:
                c += length * ((int)(-c / (length - 1)) + 1);
                break;
            case FillMode.Wrap when length > 1 && c > length - 1:
                c -= length * (int)(c / (length - 1));
                break;
            case FillMode.Reflect or FillMode.Wrap when length <= 1 && (c < 0 || c > length - 1):
                c = 0;
                break;
        }

        // The clamp keeps a point such as 3.5 in a row of 4 from rounding outside it.
        return Math.Clamp(c, 0f, length - 1);
    }

    /// <summary>The input pixels one output pixel reads, with their weights (TensorFlow's nearest and bilinear interpolation).</summary>
    private readonly struct Taps
    {
        private readonly int p00, p01, p10, p11;
        private readonly float xFloorWeight, xCeilWeight, yFloorWeight, yCeilWeight;

        private Taps(int p00, int p01, int p10, int p11, float xFloorWeight, float xCeilWeight, float yFloorWeight, float yCeilWeight)
        {
            (this.p00, this.p01, this.p10, this.p11) = (p00, p01, p10, p11);
            (this.xFloorWeight, this.xCeilWeight, this.yFloorWeight, this.yCeilWeight) = (xFloorWeight, xCeilWeight, yFloorWeight, yCeilWeight);
        }

        public static Taps At(ReadOnlySpan<float> m, int column, int row, int height, int width, int channels, FillMode mode, Interpolation interpolation)
        {
            float inX = Map((m[0] * column) + (m[1] * row) + m[2], width, mode);
            float inY = Map((m[3] * column) + (m[4] * row) + m[5], height, mode);
            if (interpolation == Interpolation.Nearest)
            {
                int at = Pixel(MathF.Round(inY, MidpointRounding.AwayFromZero), MathF.Round(inX, MidpointRounding.AwayFromZero), height, width, channels);
                return new Taps(at, -1, -1, -1, 1, 0, 1, 0);
            }

            float xFloor = MathF.Floor(inX), yFloor = MathF.Floor(inY);
            float xCeil = xFloor + 1, yCeil = yFloor + 1;
            return new Taps(
                Pixel(yFloor, xFloor, height, width, channels),
                Pixel(yFloor, xCeil, height, width, channels),
                Pixel(yCeil, xFloor, height, width, channels),
                Pixel(yCeil, xCeil, height, width, channels),
                xCeil - inX,
                inX - xFloor,
                yCeil - inY,
                inY - yFloor);
        }

        /// <summary>TensorFlow's <c>(y_ceil − y) · f(x, y_floor) + (y − y_floor) · f(x, y_ceil)</c>, each a blend along x.</summary>
        public float Read(ReadOnlySpan<float> image, int channel, float fill)
        {
            float floorRow = (xFloorWeight * Value(image, p00, channel, fill)) + (xCeilWeight * Value(image, p01, channel, fill));
            float ceilRow = (xFloorWeight * Value(image, p10, channel, fill)) + (xCeilWeight * Value(image, p11, channel, fill));
            return (yFloorWeight * floorRow) + (yCeilWeight * ceilRow);
        }

        public void Scatter(Span<float> gradient, int channel, float dy)
        {
            Add(gradient, p00, channel, yFloorWeight * xFloorWeight * dy);
            Add(gradient, p01, channel, yFloorWeight * xCeilWeight * dy);
            Add(gradient, p10, channel, yCeilWeight * xFloorWeight * dy);
            Add(gradient, p11, channel, yCeilWeight * xCeilWeight * dy);
        }

        private static float Value(ReadOnlySpan<float> image, int pixel, int channel, float fill) => pixel >= 0 ? image[pixel + channel] : fill;

        private static void Add(Span<float> gradient, int pixel, int channel, float value)
        {
            if (pixel >= 0 && value != 0)
            {
                gradient[pixel + channel] += value;
            }
        }

        /// <summary>The pixel's first float, or −1 outside the image (read as the fill value).</summary>
        private static int Pixel(float row, float column, int height, int width, int channels) =>
            row >= 0 && row < height && column >= 0 && column < width ? ((((int)row * width) + (int)column) * channels) : -1;
    }
}

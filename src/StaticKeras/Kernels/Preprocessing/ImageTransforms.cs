using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Draws the affine maps of Keras's random geometric layers, one per image, in the layout
/// <see cref="AffineTransformKernel"/> reads (a0, a1, a2, b0, b1, b2: output pixel to input point).
/// The draws come from StaticKeras's seeded stream, so a seed gives the same augmentation on
/// every run (not Keras's numbers, which come from its own generator).
/// </summary>
public static class ImageTransforms
{
    /// <summary>
    /// RandomRotation: an angle uniform in <c>[lower, upper] · 360°</c> about the centre
    /// <c>((W − 1)/2, (H − 1)/2)</c>, as the base layer's <c>_compute_affine_matrix</c> writes it with
    /// no shear, scale 1 and no shift: <c>a0 = cos θ, a1 = −sin θ, a2 = cx − cx·cos θ + cy·sin θ,
    /// b0 = sin θ, b1 = cos θ, b2 = cy − cx·sin θ − cy·cos θ</c>.
    /// </summary>
    public static void Rotations(Span<float> transforms, int batch, int height, int width, float lower, float upper, SeededRandom random)
    {
        double cx = 0.5 * (width - 1), cy = 0.5 * (height - 1);
        for (int b = 0; b < batch; b++)
        {
            double angle = Uniform(random, lower * 360.0, upper * 360.0) * Math.PI / 180.0;
            double cos = Math.Cos(angle), sin = Math.Sin(angle);
            Write(transforms, b, cos, -sin, cx - (cx * cos) + (cy * sin), sin, cos, cy - (cx * sin) - (cy * cos));
        }
    }

    /// <summary>
    /// RandomTranslation's <c>_get_translation_matrix</c>: shifts <c>dy = u · H</c> and
    /// <c>dx = v · W</c>, u and v uniform in their ranges; the map reads <c>(x − dx, y − dy)</c>.
    /// </summary>
    public static void Translations(Span<float> transforms, int batch, int height, int width, float heightLower, float heightUpper, float widthLower, float widthUpper, SeededRandom random)
    {
        for (int b = 0; b < batch; b++)
        {
            double dy = Uniform(random, heightLower, heightUpper) * height;
            double dx = Uniform(random, widthLower, widthUpper) * width;
            Write(transforms, b, 1, 0, -dx, 0, 1, -dy);
        }
    }

    /// <summary>
    /// RandomZoom's <c>_get_zoom_matrix</c>: zooms <c>zy = 1 + u</c> and <c>zx = 1 + v</c> (u, v
    /// uniform in their ranges; <c>zx = zy</c> when <paramref name="keepAspect"/>) about the centre:
    /// <c>a0 = zx, a2 = (W − 1)/2 · (1 − zx), b1 = zy, b2 = (H − 1)/2 · (1 − zy)</c>.
    /// </summary>
    public static void Zooms(Span<float> transforms, int batch, int height, int width, float heightLower, float heightUpper, float widthLower, float widthUpper, bool keepAspect, SeededRandom random)
    {
        for (int b = 0; b < batch; b++)
        {
            double zy = 1.0 + Uniform(random, heightLower, heightUpper);
            double zx = keepAspect ? zy : 1.0 + Uniform(random, widthLower, widthUpper);
            Write(transforms, b, zx, 0, (width - 1) / 2.0 * (1 - zx), 0, zy, (height - 1) / 2.0 * (1 - zy));
        }
    }

    /// <summary>A uniform draw in <c>[low, high)</c>, as Keras's <c>random.uniform(minval, maxval)</c>.</summary>
    internal static double Uniform(SeededRandom random, double low, double high) => low + ((high - low) * random.NextDouble());

    private static void Write(Span<float> transforms, int image, double a0, double a1, double a2, double b0, double b1, double b2)
    {
        Span<float> m = transforms.Slice(image * AffineTransformKernel.TransformLength, AffineTransformKernel.TransformLength);
        (m[0], m[1], m[2], m[3], m[4], m[5]) = ((float)a0, (float)a1, (float)a2, (float)b0, (float)b1, (float)b2);
    }
}

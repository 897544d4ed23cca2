namespace StaticKeras;

/// <summary>
/// Keras's <c>RandomZoom(height_factor, width_factor=None, fill_mode="reflect", interpolation="bilinear", seed=None, fill_value=0.0)</c>
/// (keras/src/layers/preprocessing/image_preprocessing/random_zoom.py): while training, scales
/// each image about its centre; a factor <c>f</c> drawn from the range samples <c>1 + f</c> times
/// the image's extent, so positive values zoom out and negative ones zoom in. Without a width
/// factor the aspect ratio is kept.
/// </summary>
/// <example><code>[RandomZoom(0.2)]</code>, <c>[RandomZoom([-0.3, -0.1], [-0.2, 0.2])]</c>.</example>
public sealed class RandomZoomAttribute : RandomAffineLayerAttribute
{
    /// <summary>Zooms by <c>1 + [−h, h]</c>, the same both ways.</summary>
    /// <param name="heightFactor">The zoom range's half-width, in (−1, 1].</param>
    public RandomZoomAttribute(double heightFactor) => HeightFactor = [-System.Math.Abs(heightFactor), System.Math.Abs(heightFactor)];

    /// <summary>Zooms by <c>1 + [lower, upper]</c>, the same both ways.</summary>
    /// <param name="heightFactor">Lower and upper zoom factor, each in (−1, 1].</param>
    public RandomZoomAttribute(double[] heightFactor) => HeightFactor = heightFactor;

    /// <summary>Zooms the height by <c>1 + [−h, h]</c> and the width by <c>1 + [−w, w]</c>, drawn apart.</summary>
    /// <param name="heightFactor">The height's zoom range half-width, in (−1, 1].</param>
    /// <param name="widthFactor">The width's zoom range half-width, in (−1, 1].</param>
    public RandomZoomAttribute(double heightFactor, double widthFactor)
        : this(heightFactor) => WidthFactor = [-System.Math.Abs(widthFactor), System.Math.Abs(widthFactor)];

    /// <summary>Zooms the height and the width by ranges of their own.</summary>
    /// <param name="heightFactor">Lower and upper zoom factor of the height, each in (−1, 1].</param>
    /// <param name="widthFactor">Lower and upper zoom factor of the width, each in (−1, 1].</param>
    public RandomZoomAttribute(double[] heightFactor, double[] widthFactor)
    {
        HeightFactor = heightFactor;
        WidthFactor = widthFactor;
    }

    /// <summary>The height's zoom range: lower, upper.</summary>
    public double[] HeightFactor { get; }

    /// <summary>The width's zoom range, or null to zoom the width as the height (Keras's <c>width_factor=None</c>).</summary>
    public double[]? WidthFactor { get; }
}

namespace StaticKeras;

/// <summary>
/// Keras's <c>RandomTranslation(height_factor, width_factor, fill_mode="reflect", interpolation="bilinear", seed=None, fill_value=0.0)</c>
/// (keras/src/layers/preprocessing/image_preprocessing/random_translation.py): while training,
/// shifts each image by fractions of its height and width drawn uniformly from the ranges
/// (positive moves it down and right).
/// </summary>
/// <example><code>[RandomTranslation(0.1, 0.1)]</code>, <c>[RandomTranslation([-0.2, 0.0], [0.0, 0.1])]</c>.</example>
public sealed class RandomTranslationAttribute : RandomAffineLayerAttribute
{
    /// <summary>Shifts in <c>[−h, h] · height</c> and <c>[−w, w] · width</c>.</summary>
    /// <param name="heightFactor">A fraction of the height, in [−1, 1].</param>
    /// <param name="widthFactor">A fraction of the width, in [−1, 1].</param>
    public RandomTranslationAttribute(double heightFactor, double widthFactor)
    {
        HeightFactor = [-System.Math.Abs(heightFactor), System.Math.Abs(heightFactor)];
        WidthFactor = [-System.Math.Abs(widthFactor), System.Math.Abs(widthFactor)];
    }

    /// <summary>Shifts in the given ranges of fractions (lower, upper) of the height and the width.</summary>
    /// <param name="heightFactor">Lower and upper fraction of the height, each in [−1, 1].</param>
    /// <param name="widthFactor">Lower and upper fraction of the width, each in [−1, 1].</param>
    public RandomTranslationAttribute(double[] heightFactor, double[] widthFactor)
    {
        HeightFactor = heightFactor;
        WidthFactor = widthFactor;
    }

    /// <summary>The vertical shift's range, as fractions of the height: lower, upper.</summary>
    public double[] HeightFactor { get; }

    /// <summary>The horizontal shift's range, as fractions of the width: lower, upper.</summary>
    public double[] WidthFactor { get; }
}

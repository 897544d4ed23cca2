namespace StaticKeras;

/// <summary>
/// Keras's <c>RandomContrast(factor, value_range=(0, 255), seed=None)</c>
/// (keras/src/layers/preprocessing/image_preprocessing/random_contrast.py): while training, each
/// image's channels move away from or towards their mean, <c>(x − mean) · c + mean</c> clipped to
/// <see cref="ValueRange"/>, with <c>c</c> drawn per image from <c>[1 − lower, 1 + upper]</c>.
/// </summary>
/// <remarks>
/// As Keras 3 computes it, one number <c>f</c> gives <c>lower = max(−f, 0) = 0</c> and
/// <c>upper = f</c>, so <c>c</c> is in <c>[1, 1 + f]</c> (Keras's docstring says
/// <c>[1 − f, 1 + f]</c>; its code does not). Write <c>[RandomContrast([f, f])]</c> for the latter.
/// </remarks>
/// <example><code>[RandomContrast(0.2, ValueRange = [0, 1])]</code></example>
public sealed class RandomContrastAttribute : RandomImageLayerAttribute
{
    /// <summary>Contrast factors in <c>[1, 1 + factor]</c>, as Keras 3 draws them for one number.</summary>
    /// <param name="factor">In [0, 1].</param>
    public RandomContrastAttribute(double factor) => Factor = [System.Math.Max(-System.Math.Abs(factor), 0), System.Math.Abs(factor)];

    /// <summary>Contrast factors in <c>[1 − factor[0], 1 + factor[1]]</c>.</summary>
    /// <param name="factor">Lower and upper, each in [0, 1].</param>
    public RandomContrastAttribute(double[] factor) => Factor = factor;

    /// <summary>The range: lower, upper.</summary>
    public double[] Factor { get; }

    /// <summary>The range of the images' values, which outputs are clipped to; <c>[0, 255]</c> by default.</summary>
    public double[] ValueRange { get; set; } = [0, 255];
}

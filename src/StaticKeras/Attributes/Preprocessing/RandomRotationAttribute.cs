namespace StaticKeras;

/// <summary>
/// Keras's <c>RandomRotation(factor, fill_mode="reflect", interpolation="bilinear", seed=None, fill_value=0.0)</c>
/// (keras/src/layers/preprocessing/image_preprocessing/random_rotation.py): while training, rotates
/// each image about its centre by an angle drawn uniformly from <c>[lower, upper] · 360°</c>
/// (positive is counter-clockwise).
/// </summary>
/// <example><code>[RandomRotation(0.1)]</code> (±36°), <c>[RandomRotation([-0.2, 0.3])]</c>.</example>
public sealed class RandomRotationAttribute : RandomAffineLayerAttribute
{
    /// <summary>Rotations in <c>[−factor, factor] · 360°</c>.</summary>
    /// <param name="factor">A fraction of a full turn, in [−1, 1].</param>
    public RandomRotationAttribute(double factor) => Factor = [-System.Math.Abs(factor), System.Math.Abs(factor)];

    /// <summary>Rotations in <c>[factor[0], factor[1]] · 360°</c>.</summary>
    /// <param name="factor">The lower and upper fraction of a full turn, each in [−1, 1].</param>
    public RandomRotationAttribute(double[] factor) => Factor = factor;

    /// <summary>The range of the rotation, as fractions of a full turn: lower, upper.</summary>
    public double[] Factor { get; }
}

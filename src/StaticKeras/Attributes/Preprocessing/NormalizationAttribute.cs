namespace StaticKeras;

/// <summary>
/// Keras's <c>Normalization(axis=-1, mean=None, variance=None, invert=False)</c>
/// (keras/src/layers/preprocessing/normalization.py): <c>(x − mean) / max(√variance, 1e−7)</c>
/// with one mean and variance per index of the kept axes. Give <see cref="Mean"/> and
/// <see cref="Variance"/>, or leave them out and adapt the layer to data before training
/// (<c>model.Adapt(x)</c>): the layer then keeps Keras's non-trainable weights <c>mean</c>,
/// <c>variance</c> and <c>count</c>, which start as 0, 1 and 0 (the identity).
/// </summary>
/// <example><code>[Normalization]</code> (adapted), <c>[Normalization(Mean = [3], Variance = [2])]</c> (given).</example>
public sealed class NormalizationAttribute : SingleInputLayerAttribute
{
    /// <summary>
    /// The axes (Keras's numbering: 1 is the first after the batch, −1 the last) that keep a mean
    /// and variance per index; <c>[-1]</c> by default (one per feature). Empty or null (Keras's
    /// <c>None</c>) normalizes every value by one scalar mean and variance.
    /// </summary>
    public int[]? Axis { get; set; } = [-1];

    /// <summary>
    /// The mean, broadcast to the kept axes as Keras broadcasts it: one value for all, one per
    /// index of the last kept axis, or one per kept index; with <see cref="Variance"/> or not at all.
    /// </summary>
    public double[]? Mean { get; set; }

    /// <summary>The variance, shaped as <see cref="Mean"/>.</summary>
    public double[]? Variance { get; set; }

    /// <summary>Applies the inverse, <c>mean + x · max(√variance, 1e−7)</c>: turns normalized values back; false by default.</summary>
    public bool Invert { get; set; }
}

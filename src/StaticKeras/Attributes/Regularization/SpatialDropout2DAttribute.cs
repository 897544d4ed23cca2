namespace StaticKeras;

/// <summary>
/// Keras's <c>SpatialDropout2D(rate, seed=None)</c> (keras/src/layers/regularization/spatial_dropout.py):
/// while training, drops whole channels of images <c>(height, width, channels)</c> (noise shape
/// <c>(batch, 1, 1, channels)</c>) and scales the rest by <c>1 / (1 − rate)</c>. Channels-last only.
/// </summary>
/// <example><code>[SpatialDropout2D(0.2)]</code></example>
public sealed class SpatialDropout2DAttribute : NoiseLayerAttribute
{
    /// <summary>Declares a 2D spatial dropout.</summary>
    /// <param name="rate">The fraction of channels to drop, in [0, 1).</param>
    public SpatialDropout2DAttribute(double rate) => Rate = rate;

    /// <summary>The fraction of channels to drop.</summary>
    public double Rate { get; }
}

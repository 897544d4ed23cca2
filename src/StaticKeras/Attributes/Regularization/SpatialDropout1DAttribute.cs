namespace StaticKeras;

/// <summary>
/// Keras's <c>SpatialDropout1D(rate, seed=None)</c> (keras/src/layers/regularization/spatial_dropout.py):
/// while training, drops whole channels of sequences <c>(steps, channels)</c> (one draw per sample
/// and channel, noise shape <c>(batch, 1, channels)</c>) and scales the rest by <c>1 / (1 − rate)</c>.
/// </summary>
/// <example><code>[SpatialDropout1D(0.2)]</code></example>
public sealed class SpatialDropout1DAttribute : NoiseLayerAttribute
{
    /// <summary>Declares a 1D spatial dropout.</summary>
    /// <param name="rate">The fraction of channels to drop, in [0, 1).</param>
    public SpatialDropout1DAttribute(double rate) => Rate = rate;

    /// <summary>The fraction of channels to drop.</summary>
    public double Rate { get; }
}

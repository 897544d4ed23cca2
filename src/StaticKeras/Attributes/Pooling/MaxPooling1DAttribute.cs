namespace StaticKeras;

/// <summary>
/// Keras's <c>MaxPooling1D(pool_size=2, strides=None, padding="valid")</c>
/// (keras/src/layers/pooling/max_pooling1d.py): the maximum of each window of steps, per channel,
/// on sequences <c>(steps, channels)</c>.
/// </summary>
/// <example><code>[MaxPooling1D(3, Strides = [2], Padding = "same")]</code></example>
public sealed class MaxPooling1DAttribute : PoolingLayerAttribute
{
    /// <summary>Declares a 1D max pooling.</summary>
    /// <param name="poolSize">The window's length in steps; 2 by default.</param>
    public MaxPooling1DAttribute(int poolSize = 2) => PoolSize = poolSize;

    /// <summary>The window's length in steps.</summary>
    public int PoolSize { get; }
}

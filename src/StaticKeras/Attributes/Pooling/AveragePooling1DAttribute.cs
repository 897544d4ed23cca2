namespace StaticKeras;

/// <summary>
/// Keras's <c>AveragePooling1D(pool_size, strides=None, padding="valid")</c>
/// (keras/src/layers/pooling/average_pooling1d.py): the mean of each window of steps, per channel,
/// on sequences <c>(steps, channels)</c>; with <c>"same"</c> a border window averages its real steps only.
/// </summary>
/// <example><code>[AveragePooling1D(2)]</code></example>
public sealed class AveragePooling1DAttribute : PoolingLayerAttribute
{
    /// <summary>Declares a 1D average pooling.</summary>
    /// <param name="poolSize">The window's length in steps (Keras has no default).</param>
    public AveragePooling1DAttribute(int poolSize) => PoolSize = poolSize;

    /// <summary>The window's length in steps.</summary>
    public int PoolSize { get; }
}

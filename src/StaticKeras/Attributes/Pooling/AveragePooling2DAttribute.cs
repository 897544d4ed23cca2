namespace StaticKeras;

/// <summary>
/// Keras's <c>AveragePooling2D(pool_size, strides=None, padding="valid")</c>
/// (keras/src/layers/pooling/average_pooling2d.py): the mean of each window, per channel, on
/// images <c>(height, width, channels)</c>; with <c>"same"</c> a border window averages its real pixels only.
/// </summary>
/// <example><code>[AveragePooling2D(2)]</code>, <code>[AveragePooling2D(3, Strides = [2], Padding = "same")]</code></example>
public sealed class AveragePooling2DAttribute : PoolingLayerAttribute
{
    /// <summary>Declares a 2D average pooling.</summary>
    /// <param name="poolSize">The window: one value for both axes or (rows, columns); required, as in Keras.</param>
    public AveragePooling2DAttribute(params int[] poolSize) => PoolSize = poolSize;

    /// <summary>The window as written: one value for both axes or two (rows, columns).</summary>
    public int[] PoolSize { get; }
}

namespace StaticKeras;

/// <summary>
/// Keras's <c>MaxPooling2D(pool_size=(2, 2), strides=None, padding="valid")</c>
/// (keras/src/layers/pooling/max_pooling2d.py): the maximum of each window, per channel, on
/// images <c>(height, width, channels)</c>.
/// </summary>
/// <example><code>[MaxPooling2D(2)]</code>, <code>[MaxPooling2D(3, 2, Strides = [1])]</code></example>
public sealed class MaxPooling2DAttribute : PoolingLayerAttribute
{
    /// <summary>Declares a 2D max pooling.</summary>
    /// <param name="poolSize">The window: one value for both axes or (rows, columns); (2, 2) when left out, as Keras.</param>
    public MaxPooling2DAttribute(params int[] poolSize) => PoolSize = poolSize;

    /// <summary>The window as written: one value for both axes, two (rows, columns), or none for (2, 2).</summary>
    public int[] PoolSize { get; }
}

namespace StaticKeras;

/// <summary>
/// Keras's <c>GlobalAveragePooling2D(keepdims=False)</c> (keras/src/layers/pooling/global_average_pooling2d.py):
/// the mean of each channel over every position of images <c>(height, width, channels)</c>; output <c>(channels,)</c>, or <c>(1, 1, channels)</c> with <see cref="GlobalPoolingLayerAttribute.KeepDims"/>.
/// </summary>
/// <example><code>[GlobalAveragePooling2D]</code></example>
public sealed class GlobalAveragePooling2DAttribute : GlobalPoolingLayerAttribute;

namespace StaticKeras;

/// <summary>
/// Keras's <c>GlobalMaxPooling2D(keepdims=False)</c> (keras/src/layers/pooling/global_max_pooling2d.py):
/// the maximum of each channel over every position of images <c>(height, width, channels)</c>; output <c>(channels,)</c>, or <c>(1, 1, channels)</c> with <see cref="GlobalPoolingLayerAttribute.KeepDims"/>.
/// </summary>
/// <example><code>[GlobalMaxPooling2D]</code></example>
public sealed class GlobalMaxPooling2DAttribute : GlobalPoolingLayerAttribute;

namespace StaticKeras;

/// <summary>
/// Keras's <c>GlobalAveragePooling1D(keepdims=False)</c> (keras/src/layers/pooling/global_average_pooling1d.py):
/// the mean of each channel over every position of sequences <c>(steps, channels)</c>; output <c>(channels,)</c>, or <c>(1, channels)</c> with <see cref="GlobalPoolingLayerAttribute.KeepDims"/>.
/// </summary>
/// <example><code>[GlobalAveragePooling1D]</code></example>
public sealed class GlobalAveragePooling1DAttribute : GlobalPoolingLayerAttribute;

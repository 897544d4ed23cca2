namespace StaticKeras;

/// <summary>
/// Keras's <c>GlobalMaxPooling1D(keepdims=False)</c> (keras/src/layers/pooling/global_max_pooling1d.py):
/// the maximum of each channel over every position of sequences <c>(steps, channels)</c>; output <c>(channels,)</c>, or <c>(1, channels)</c> with <see cref="GlobalPoolingLayerAttribute.KeepDims"/>.
/// </summary>
/// <example><code>[GlobalMaxPooling1D]</code></example>
public sealed class GlobalMaxPooling1DAttribute : GlobalPoolingLayerAttribute;

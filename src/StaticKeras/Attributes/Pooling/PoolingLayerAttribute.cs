namespace StaticKeras;

/// <summary>
/// What Keras's pooling layers share (keras/src/layers/pooling/base_pooling.py): the step between
/// windows and the padding. Channels-last only: inputs are <c>(steps, channels)</c> or
/// <c>(height, width, channels)</c> per sample, Keras's <c>data_format="channels_last"</c>.
/// </summary>
public abstract class PoolingLayerAttribute : SingleInputLayerAttribute
{
    /// <summary>
    /// The step between windows: one value for every axis (<c>Strides = [2]</c>) or one per axis;
    /// the pool size when null (Keras's <c>strides=None</c>, the default).
    /// </summary>
    public int[]? Strides { get; set; }

    /// <summary>
    /// <c>"valid"</c> (the default: windows lie inside the input) or <c>"same"</c> (Keras pads so
    /// each axis has <c>ceil(input / stride)</c> windows, the odd padding after; padding never
    /// counts, so an average divides by the real elements of its window).
    /// </summary>
    public string Padding { get; set; } = "valid";
}

/// <summary>
/// What Keras's global pooling layers share (keras/src/layers/pooling/base_global_pooling.py): one
/// value per channel over every position. Channels-last only (Keras's <c>data_format="channels_last"</c>).
/// </summary>
public abstract class GlobalPoolingLayerAttribute : SingleInputLayerAttribute
{
    /// <summary>
    /// Keep the pooled axes with length 1 (<c>(1, 1, channels)</c> for images) instead of dropping
    /// them (<c>(channels,)</c>, the default), as Keras's <c>keepdims</c>.
    /// </summary>
    public bool KeepDims { get; set; }
}

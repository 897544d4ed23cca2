namespace StaticKeras;

/// <summary>
/// Keras's <c>UpSampling2D(size=(2, 2), interpolation="nearest")</c>
/// (keras/src/layers/reshaping/up_sampling2d.py): images <c>(height, width, channels)</c> enlarged
/// by whole factors. Channels-last only.
/// </summary>
/// <example><code>[UpSampling2D(2, Interpolation = "bilinear")]</code></example>
public sealed class UpSampling2DAttribute : SingleInputLayerAttribute
{
    /// <summary>Declares a 2D upsampling.</summary>
    /// <param name="size">The factors: one for both axes or (rows, columns); (2, 2) when left out, as Keras.</param>
    public UpSampling2DAttribute(params int[] size) => Size = size;

    /// <summary>The factors as written: none (2, 2), one for both axes, or (rows, columns).</summary>
    public int[] Size { get; }

    /// <summary>
    /// <c>"nearest"</c> (the default: each pixel repeated, Keras's <c>ops.repeat</c>) or
    /// <c>"bilinear"</c> (Keras's <c>ops.image.resize</c>: half-pixel centres, no antialiasing).
    /// Keras's bicubic and Lanczos resizes are not available.
    /// </summary>
    public string Interpolation { get; set; } = "nearest";
}

namespace StaticKeras;

/// <summary>
/// The base of Keras's random image augmentation layers: active only while training (the
/// identity in <c>Predict</c> and <c>Evaluate</c>, as Keras's <c>training=False</c>), on
/// channels-last images <c>(height, width, channels)</c>, drawing from a seeded stream.
/// </summary>
public abstract class RandomImageLayerAttribute : SingleInputLayerAttribute
{
    /// <summary>A seed for this layer's own random stream; by default (0) it draws from the model's seed.</summary>
    public int Seed { get; set; }
}

/// <summary>
/// The base of the augmentation layers that resample the image through an affine map (rotation,
/// translation, zoom): how points outside the image are filled and how pixels are interpolated,
/// as Keras's <c>fill_mode</c>, <c>interpolation</c> and <c>fill_value</c>.
/// </summary>
public abstract class RandomAffineLayerAttribute : RandomImageLayerAttribute
{
    /// <summary>
    /// How points outside the image are filled: <c>"reflect"</c> (the default;
    /// <c>d c b a | a b c d | d c b a</c>), <c>"constant"</c> (<see cref="FillValue"/>),
    /// <c>"wrap"</c> (<c>a b c d | a b c d</c>) or <c>"nearest"</c> (<c>a a | a b c d | d d</c>).
    /// </summary>
    public string FillMode { get; set; } = "reflect";

    /// <summary><c>"bilinear"</c> (the default) or <c>"nearest"</c>.</summary>
    public string Interpolation { get; set; } = "bilinear";

    /// <summary>The value outside the image when <see cref="FillMode"/> is <c>"constant"</c>; 0 by default.</summary>
    public double FillValue { get; set; }
}

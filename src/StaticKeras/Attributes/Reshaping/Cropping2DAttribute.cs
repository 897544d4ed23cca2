namespace StaticKeras;

/// <summary>
/// Keras's <c>Cropping2D(cropping=((0, 0), (0, 0)))</c> (keras/src/layers/reshaping/cropping2d.py):
/// rows and columns removed from the borders of images <c>(height, width, channels)</c>. Channels-last only.
/// </summary>
/// <remarks>
/// Keras's nested tuples are written flat: <c>[Cropping2D(1)]</c> crops every side by 1,
/// <c>[Cropping2D(1, 2)]</c> is Keras's <c>(1, 2)</c> (1 row at the top and the bottom, 2 columns at
/// each side), <c>[Cropping2D(1, 2, 3, 4)]</c> is <c>((1, 2), (3, 4))</c>: top, bottom, left, right.
/// </remarks>
/// <example><code>[Cropping2D(2, 2, 4, 4)]</code></example>
public sealed class Cropping2DAttribute : SingleInputLayerAttribute
{
    /// <summary>Declares a 2D cropping.</summary>
    /// <param name="cropping">1, 2 or 4 values (see the remarks); nothing cropped when left out, as Keras.</param>
    public Cropping2DAttribute(params int[] cropping) => Cropping = cropping;

    /// <summary>The cropping as written: none, 1, 2 (rows, columns) or 4 (top, bottom, left, right) values.</summary>
    public int[] Cropping { get; }
}

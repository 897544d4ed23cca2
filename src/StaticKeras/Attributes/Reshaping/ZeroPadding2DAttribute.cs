namespace StaticKeras;

/// <summary>
/// Keras's <c>ZeroPadding2D(padding=(1, 1))</c> (keras/src/layers/reshaping/zero_padding2d.py):
/// rows and columns of zeros around images <c>(height, width, channels)</c>. Channels-last only.
/// </summary>
/// <remarks>
/// Keras's nested tuples are written flat: <c>[ZeroPadding2D(1)]</c> pads every side by 1,
/// <c>[ZeroPadding2D(1, 2)]</c> is Keras's <c>(1, 2)</c> (1 row above and below, 2 columns left and
/// right), <c>[ZeroPadding2D(1, 2, 3, 4)]</c> is <c>((1, 2), (3, 4))</c>: top, bottom, left, right.
/// </remarks>
/// <example><code>[ZeroPadding2D(1, 2, 3, 4)]</code></example>
public sealed class ZeroPadding2DAttribute : SingleInputLayerAttribute
{
    /// <summary>Declares a 2D zero padding.</summary>
    /// <param name="padding">1, 2 or 4 values (see the remarks); 1 on every side when left out, as Keras.</param>
    public ZeroPadding2DAttribute(params int[] padding) => Padding = padding;

    /// <summary>The padding as written: none, 1, 2 (rows, columns) or 4 (top, bottom, left, right) values.</summary>
    public int[] Padding { get; }
}

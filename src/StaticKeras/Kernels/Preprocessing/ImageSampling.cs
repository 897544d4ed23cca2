namespace StaticKeras.Kernels;

/// <summary>How an affine resampling fills points outside the image (Keras's <c>fill_mode</c>).</summary>
public enum FillMode
{
    /// <summary><c>"reflect"</c>: <c>d c b a | a b c d | d c b a</c>, reflecting about the edge of the last pixel.</summary>
    Reflect,

    /// <summary><c>"wrap"</c>: <c>a b c d | a b c d | a b c d</c>.</summary>
    Wrap,

    /// <summary><c>"constant"</c>: <c>k k k k | a b c d | k k k k</c>, k the fill value.</summary>
    Constant,

    /// <summary><c>"nearest"</c>: <c>a a a a | a b c d | d d d d</c>.</summary>
    Nearest,
}

/// <summary>How an affine resampling reads between pixels (Keras's <c>interpolation</c>).</summary>
public enum Interpolation
{
    /// <summary><c>"bilinear"</c>: the four surrounding pixels, weighted by distance.</summary>
    Bilinear,

    /// <summary><c>"nearest"</c>: the closest pixel (halves round away from zero).</summary>
    Nearest,
}

namespace StaticKeras;

/// <summary>
/// Keras's <c>ZeroPadding1D(padding=1)</c> (keras/src/layers/reshaping/zero_padding1d.py): zero
/// steps before and after sequences <c>(steps, channels)</c>. Channels-last only.
/// </summary>
/// <example><code>[ZeroPadding1D(2)]</code>, <code>[ZeroPadding1D(1, 3)]</code></example>
public sealed class ZeroPadding1DAttribute : SingleInputLayerAttribute
{
    /// <summary>Declares a 1D zero padding.</summary>
    /// <param name="padding">One value for both ends or two (before, after); 1 when left out, as Keras.</param>
    public ZeroPadding1DAttribute(params int[] padding) => Padding = padding;

    /// <summary>The padding as written: none (1), one value for both ends, or (before, after).</summary>
    public int[] Padding { get; }
}

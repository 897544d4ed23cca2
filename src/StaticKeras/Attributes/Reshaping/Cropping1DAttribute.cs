namespace StaticKeras;

/// <summary>
/// Keras's <c>Cropping1D(cropping=(1, 1))</c> (keras/src/layers/reshaping/cropping1d.py): steps
/// removed from the start and the end of sequences <c>(steps, channels)</c>. Channels-last only.
/// </summary>
/// <example><code>[Cropping1D(2, 0)]</code></example>
public sealed class Cropping1DAttribute : SingleInputLayerAttribute
{
    /// <summary>Declares a 1D cropping.</summary>
    /// <param name="cropping">One value for both ends or two (start, end); (1, 1) when left out, as Keras.</param>
    public Cropping1DAttribute(params int[] cropping) => Cropping = cropping;

    /// <summary>The cropping as written: none (1, 1), one value for both ends, or (start, end).</summary>
    public int[] Cropping { get; }
}

namespace StaticKeras;

/// <summary>
/// Keras's <c>UpSampling1D(size=2)</c> (keras/src/layers/reshaping/up_sampling1d.py): each step of
/// sequences <c>(steps, channels)</c> repeated <see cref="Size"/> times. Channels-last only.
/// </summary>
/// <example><code>[UpSampling1D(3)]</code></example>
public sealed class UpSampling1DAttribute : SingleInputLayerAttribute
{
    /// <summary>Declares a 1D upsampling.</summary>
    /// <param name="size">How many times each step is repeated; 2 by default.</param>
    public UpSampling1DAttribute(int size = 2) => Size = size;

    /// <summary>How many times each step is repeated.</summary>
    public int Size { get; }
}

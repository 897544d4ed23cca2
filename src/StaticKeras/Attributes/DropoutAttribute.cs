namespace StaticKeras;

/// <summary>
/// While training, sets a fraction <see cref="Rate"/> of inputs to zero and scales the rest by
/// <c>1 / (1 - rate)</c>; the identity at inference, as Keras's <c>Dropout</c>.
/// </summary>
/// <example><code>[Dropout(0.5)]</code></example>
public sealed class DropoutAttribute : SingleInputLayerAttribute
{
    /// <summary>Declares a dropout layer.</summary>
    /// <param name="rate">The fraction of inputs to drop, in [0, 1).</param>
    public DropoutAttribute(double rate) => Rate = rate;

    /// <summary>The fraction of inputs to drop.</summary>
    public double Rate { get; }

    /// <summary>A seed for this layer's own random stream; by default the layer draws from the model's seed.</summary>
    public int Seed { get; set; }
}

namespace StaticKeras;

/// <summary>Keras's <c>LeakyReLU</c> layer: <c>x</c> for <c>x ≥ 0</c>, else <c>NegativeSlope · x</c>.</summary>
/// <example><code>[LeakyReLU(NegativeSlope = 0.1)]</code></example>
public sealed class LeakyReLUAttribute : SingleInputLayerAttribute
{
    /// <summary>The slope below zero; Keras 3's default 0.3. At least 0.</summary>
    public double NegativeSlope { get; set; } = 0.3;
}

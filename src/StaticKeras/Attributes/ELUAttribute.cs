namespace StaticKeras;

/// <summary>Keras's <c>ELU</c> layer: <c>x</c> for <c>x &gt; 0</c>, else <c>Alpha · (exp(x) − 1)</c>.</summary>
/// <example><code>[ELU(Alpha = 0.5)]</code></example>
public sealed class ELUAttribute : SingleInputLayerAttribute
{
    /// <summary>The scale of the negative part; 1 by default.</summary>
    public double Alpha { get; set; } = 1.0;
}

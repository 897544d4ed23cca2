using System.ComponentModel;

namespace StaticKeras;

/// <summary>
/// Keras's <c>ELU</c> layer: <c>x</c> for <c>x &gt; 0</c>, else <c>Alpha · (exp(x) − 1)</c>. A
/// built-in written as a user layer would be (<see cref="Layers.ELU"/>).
/// </summary>
/// <example><code>[ELU(Alpha = 0.5)]</code></example>
public sealed class ELUAttribute : LayerAttribute<Layers.ELU>
{
    /// <summary>The scale of the negative part; 1 by default.</summary>
    [DefaultValue(1.0)]
    public double Alpha { get; set; } = 1.0;
}

namespace StaticKeras;

/// <summary>
/// Keras's <c>ReLU</c> layer: <c>min(x, MaxValue)</c> for <c>x ≥ Threshold</c>, else
/// <c>NegativeSlope · (x − Threshold)</c>.
/// </summary>
/// <example><code>[ReLU(MaxValue = 6)]</code></example>
public sealed class ReLUAttribute : SingleInputLayerAttribute
{
    /// <summary>The largest output; unbounded (Keras's <c>None</c>) by default. At least 0.</summary>
    public double MaxValue { get; set; } = double.PositiveInfinity;

    /// <summary>The slope below the threshold; 0 by default. At least 0.</summary>
    public double NegativeSlope { get; set; }

    /// <summary>Where the slope changes; 0 by default. At least 0.</summary>
    public double Threshold { get; set; }
}

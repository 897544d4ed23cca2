namespace StaticKeras;

/// <summary>
/// Keras's <c>Discretization(bin_boundaries, output_mode="int")</c>
/// (keras/src/layers/preprocessing/discretization.py): each value becomes the index of its bin.
/// Boundaries <c>[0, 1, 2]</c> make the bins <c>(−∞, 0)</c>, <c>[0, 1)</c>, <c>[1, 2)</c> and
/// <c>[2, ∞)</c>, numbered 0 to 3 (NumPy's <c>digitize</c>).
/// </summary>
/// <example><code>[Discretization(0.0, 1.0, 2.0)]</code></example>
public sealed class DiscretizationAttribute : SingleInputLayerAttribute
{
    /// <summary>Declares a discretization by bin boundaries.</summary>
    /// <param name="binBoundaries">The boundaries, increasing.</param>
    public DiscretizationAttribute(params double[] binBoundaries) => BinBoundaries = binBoundaries;

    /// <summary>The boundaries between bins, increasing.</summary>
    public double[] BinBoundaries { get; }

    /// <summary><c>"int"</c> (the default): bin indices; <c>"one_hot"</c>, <c>"multi_hot"</c>, <c>"count"</c>: encoded as <see cref="CategoryEncodingAttribute.OutputMode"/> encodes them.</summary>
    public string OutputMode { get; set; } = "int";
}

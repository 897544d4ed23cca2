namespace StaticKeras;

/// <summary>
/// Joins layers along <see cref="Axis"/>; every other dimension must agree, as Keras's
/// <c>Concatenate</c>.
/// </summary>
/// <example><code>[Concatenate("a", "b")]</code></example>
public sealed class ConcatenateAttribute : MergeLayerAttribute
{
    /// <summary>Declares the concatenation of the named layers.</summary>
    /// <param name="inputs">The names of the layers to join, two or more.</param>
    public ConcatenateAttribute(params string[] inputs)
        : base(inputs)
    {
    }

    /// <summary>The axis to join on, counting the batch as axis 0 as Keras does; -1 (the last) by default.</summary>
    public int Axis { get; set; } = -1;
}

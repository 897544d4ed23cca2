namespace StaticKeras;

/// <summary>The elementwise sum of layers of one shape, as Keras's <c>Add</c> (a residual connection).</summary>
/// <example><code>[Add("x", "h")]</code></example>
public sealed class AddAttribute : MergeLayerAttribute
{
    /// <summary>Declares the sum of the named layers.</summary>
    /// <param name="inputs">The names of the layers to add, two or more.</param>
    public AddAttribute(params string[] inputs)
        : base(inputs)
    {
    }
}

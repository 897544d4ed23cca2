namespace StaticKeras;

/// <summary>The elementwise product of layers of one shape, as Keras's <c>Multiply</c> (a gate).</summary>
/// <example><code>[Multiply("x", "gate")]</code></example>
public sealed class MultiplyAttribute : MergeLayerAttribute
{
    /// <summary>Declares the product of the named layers.</summary>
    /// <param name="inputs">The names of the layers to multiply, two or more.</param>
    public MultiplyAttribute(params string[] inputs)
        : base(inputs)
    {
    }
}

namespace StaticKeras;

/// <summary>
/// The model's input: the shape of one sample, without the batch (Keras's <c>Input(shape=...)</c>).
/// Several <c>[Input]</c>s, each with a <see cref="LayerAttribute.Name"/>, make a multi-input model.
/// </summary>
/// <example><code>[Input(28, 28, 1)]</code></example>
public sealed class InputAttribute : LayerAttribute
{
    /// <summary>Declares an input of the given sample shape.</summary>
    /// <param name="shape">The dimensions of one sample, each at least 1.</param>
    public InputAttribute(params int[] shape) => Shape = shape;

    /// <summary>The dimensions of one sample.</summary>
    public int[] Shape { get; }
}

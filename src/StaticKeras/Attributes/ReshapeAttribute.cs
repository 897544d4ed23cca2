namespace StaticKeras;

/// <summary>
/// Gives each sample a new shape with the same number of values, as Keras's <c>Reshape</c>; one
/// dimension may be -1 and is then inferred.
/// </summary>
/// <example><code>[Reshape(7, 7, 16)]</code></example>
public sealed class ReshapeAttribute : SingleInputLayerAttribute
{
    /// <summary>Declares a reshape.</summary>
    /// <param name="targetShape">The new sample shape, without the batch.</param>
    public ReshapeAttribute(params int[] targetShape) => TargetShape = targetShape;

    /// <summary>The new sample shape.</summary>
    public int[] TargetShape { get; }
}

namespace StaticKeras;

/// <summary>Keras's <c>Softmax</c> layer: a softmax along <see cref="Axis"/>, stable for any finite input.</summary>
/// <example><code>[Softmax(Axis = 1)]</code></example>
public sealed class SoftmaxAttribute : SingleInputLayerAttribute
{
    /// <summary>The axis to normalise, counting the batch as axis 0 as Keras does; -1 (the last) by default.</summary>
    public int Axis { get; set; } = -1;
}

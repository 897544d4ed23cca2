namespace StaticKeras;

/// <summary>
/// Keras's <c>PReLU</c> layer: <c>x</c> for <c>x ≥ 0</c>, else <c>alpha · x</c> with a trainable
/// <c>alpha</c> of the input's shape, shared (size 1) along <see cref="SharedAxes"/>.
/// </summary>
/// <example><code>[PReLU(SharedAxes = [1, 2])]</code> (one alpha per channel of an image)</example>
public sealed class PReLUAttribute : SingleInputLayerAttribute
{
    /// <summary>The Keras name of alpha's initializer; <c>"zeros"</c> by default.</summary>
    public string AlphaInitializer { get; set; } = "zeros";

    /// <summary>Axes (1-based, as Keras counts after the batch) along which alpha is shared; none by default.</summary>
    public int[] SharedAxes { get; set; } = [];
}

namespace StaticKeras;

/// <summary>Applies an activation function, as Keras's <c>Activation</c> layer.</summary>
/// <example><code>[Activation("gelu")]</code> or <code>[Activation(typeof(MyActivation))]</code></example>
/// <param name="activation">A Keras name (<c>"relu"</c>, <see cref="Activation.Relu"/>) or an <see cref="IActivation"/> type.</param>
public sealed class ActivationAttribute(object activation) : SingleInputLayerAttribute
{
    /// <summary>The activation: a Keras name or an <see cref="IActivation"/> type.</summary>
    public object Activation { get; } = activation;
}

namespace StaticKeras;

/// <summary>
/// Uses a user-defined <see cref="ILayer"/> type as a layer: <c>[Layer&lt;RmsNorm&gt;]</c>. For a layer
/// with arguments, derive your own attribute from this one and give it properties; the layer's
/// shape contract and weights may use them by name, and <see cref="LayerContext.Argument(string)"/> reads them.
/// </summary>
/// <typeparam name="TLayer">A type implementing <see cref="ILayer"/> with a <see cref="LayerShapeAttribute"/>.</typeparam>
/// <example>
/// <code>
/// public sealed class ScaledDenseAttribute(int units) : LayerAttribute&lt;ScaledDense&gt;
/// {
///     public int Units { get; } = units;
/// }
/// </code>
/// </example>
public class LayerAttribute<TLayer> : SingleInputLayerAttribute
{
}

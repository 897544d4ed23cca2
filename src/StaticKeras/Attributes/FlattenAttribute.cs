namespace StaticKeras;

/// <summary>Flattens each sample to a vector (row-major, so no data moves), as Keras's <c>Flatten</c>.</summary>
public sealed class FlattenAttribute : SingleInputLayerAttribute
{
}

namespace StaticKeras;

/// <summary>
/// Uses a declared model as a layer (Keras's nested model), inlined at compile time: its layers
/// run in place, its weights are named by Keras's nested paths (<c>residual_block/dense/kernel</c>),
/// and shapes are checked across the boundary.
/// </summary>
/// <typeparam name="TModel">A model class declared with layer attributes and one <c>[Input]</c>.</typeparam>
/// <example><code>[Block&lt;ResidualBlock&gt;]</code></example>
public sealed class BlockAttribute<TModel> : SingleInputLayerAttribute
{
}

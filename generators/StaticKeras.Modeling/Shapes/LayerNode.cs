using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Shapes;

/// <summary>A layer after shape inference: its resolved name, inputs, output shape and weights.</summary>
/// <param name="Spec">The layer as declared.</param>
/// <param name="Name">Its name: the user's <c>Name</c>, or Keras's default (<c>dense</c>, <c>dense_1</c>).</param>
/// <param name="KerasClassName">The Keras class it mirrors (<c>Dense</c>, <c>InputLayer</c>), shown in the summary.</param>
/// <param name="Inputs">Indices (into the layer list) of the layers it reads, in argument order.</param>
/// <param name="OutputShape">Its output shape without the batch.</param>
/// <param name="Weights">Its weights in Keras's order.</param>
/// <remarks>Equality: by value.</remarks>
internal sealed record LayerNode(
    LayerSpec Spec,
    string Name,
    string KerasClassName,
    EquatableArray<int> Inputs,
    Shape OutputShape,
    EquatableArray<WeightSpec> Weights)
{
    public int Index => Spec.Index;

    public string TypeName => Spec.TypeName;

    public int ParameterCount
    {
        get
        {
            int count = 0;
            foreach (WeightSpec w in Weights)
            {
                count += w.Size;
            }

            return count;
        }
    }
}

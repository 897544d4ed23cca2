using StaticKeras.Modeling.Layers;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Shapes;

/// <summary>A layer after shape inference: its descriptor and configuration, resolved name, inputs, output shape and weights.</summary>
/// <param name="Index">Its index in <see cref="ModelGraph.Layers"/>.</param>
/// <param name="SpecIndex">The declaration it comes from (for a block's layers, the <c>[Block]</c> attribute).</param>
/// <param name="Name">Its name: the user's <c>Name</c>, or Keras's default (<c>dense</c>, <c>dense_1</c>); unique within its block.</param>
/// <param name="Path">Its name with the enclosing blocks' names (<c>residual_block/dense</c>): unique in the model, the prefix of its weights.</param>
/// <param name="Descriptor">The layer type.</param>
/// <param name="Config">Its parsed arguments.</param>
/// <param name="KerasClassName">The Keras class it mirrors (<c>Dense</c>, <c>InputLayer</c>), shown in the summary.</param>
/// <param name="Inputs">Indices (into the layer list) of the layers it reads, in argument order.</param>
/// <param name="OutputShape">Its output shape without the batch.</param>
/// <param name="Weights">Its weights in Keras's order.</param>
/// <param name="Block">The index in <see cref="ModelGraph.Blocks"/> of the top-level block it was inlined from, or -1.</param>
/// <remarks>Equality: by value (descriptors are singletons, so by reference is by value).</remarks>
internal sealed record LayerNode(
    int Index,
    int SpecIndex,
    string Name,
    string Path,
    LayerDescriptor Descriptor,
    LayerConfig Config,
    string KerasClassName,
    EquatableArray<int> Inputs,
    Shape OutputShape,
    EquatableArray<WeightSpec> Weights,
    int Block = -1)
{
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

    /// <summary>True when a weight is trainable, so a gradient must reach it.</summary>
    public bool HasTrainableWeights
    {
        get
        {
            foreach (WeightSpec w in Weights)
            {
                if (w.Trainable)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>A block as Keras's summary shows a nested model: one row with its output and parameter count.</summary>
/// <param name="Name">The block layer's name (<c>residual_block</c>).</param>
/// <param name="ClassName">The block's model class (<c>ResidualBlock</c>).</param>
/// <param name="Input">The index of the layer the block reads.</param>
/// <param name="Output">The index of the layer that produces the block's output.</param>
/// <param name="ParameterCount">Parameters in all its layers.</param>
/// <remarks>Equality: by value.</remarks>
internal sealed record BlockSummary(string Name, string ClassName, int Input, int Output, int ParameterCount);

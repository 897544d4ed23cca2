using System.Collections.Generic;
using System.Linq;

namespace StaticKeras.Modeling.Shapes;

/// <summary>A layer as a model's summary and plot show it: a block counts as one layer, as Keras shows a nested model.</summary>
/// <param name="Name">The layer's (or block's) name.</param>
/// <param name="ClassName">Its Keras class (the block's model class).</param>
/// <param name="OutputShape">Its output shape.</param>
/// <param name="Inputs">The names of the layers it reads.</param>
/// <param name="Parameters">Its parameter count (a block's: all its layers').</param>
internal sealed record TopLevelLayer(string Name, string ClassName, Shape OutputShape, IReadOnlyList<string> Inputs, int Parameters);

/// <summary>The model's layers at the top level, in declaration order.</summary>
internal static class TopLevelLayers
{
    public static List<TopLevelLayer> Of(ModelGraph graph)
    {
        var layers = new List<TopLevelLayer>();
        var shownBlocks = new HashSet<int>();
        foreach (LayerNode layer in graph.Layers)
        {
            if (layer.Block < 0)
            {
                layers.Add(new TopLevelLayer(layer.Name, layer.KerasClassName, layer.OutputShape, layer.Inputs.Select(i => DisplayName(graph, i)).ToList(), layer.ParameterCount));
            }
            else if (shownBlocks.Add(layer.Block))
            {
                BlockSummary block = graph.Blocks[layer.Block];
                layers.Add(new TopLevelLayer(block.Name, block.ClassName, graph.Layers[block.Output].OutputShape, new[] { DisplayName(graph, block.Input) }, block.ParameterCount));
            }
        }

        return layers;
    }

    /// <summary>How other layers name a layer: by its block's name when it is inside one.</summary>
    private static string DisplayName(ModelGraph graph, int layer) =>
        graph.Layers[layer].Block is int b and >= 0 ? graph.Blocks[b].Name : graph.Layers[layer].Name;
}

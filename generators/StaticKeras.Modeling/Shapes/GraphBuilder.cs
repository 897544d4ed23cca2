using System.Collections.Generic;
using System.Linq;
using StaticKeras.Modeling.Layers;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Shapes;

/// <summary>
/// Turns inferred declarations into the graph's layer list: one node per layer in declaration
/// order, a block's layers inlined in its place (its <c>[Input]</c> becoming the layer it reads,
/// its names prefixed with the block's), and an evaluation order in which each node follows its inputs.
/// </summary>
internal sealed class GraphBuilder
{
    private GraphBuilder(int count) => OutputNode = new int[count];

    /// <summary>The nodes, in declaration order with blocks expanded.</summary>
    public List<LayerNode> Nodes { get; } = new();

    /// <summary>Node indices in evaluation order.</summary>
    public List<int> Order { get; } = new();

    /// <summary>Per declaration, the node that holds its output.</summary>
    public int[] OutputNode { get; }

    /// <summary>The top-level blocks.</summary>
    public List<BlockSummary> Blocks { get; } = new();

    public static GraphBuilder Build(
        EquatableArray<LayerSpec> layers,
        LayerDescriptor?[] descriptors,
        LayerConfig?[] configs,
        LayerInference?[] inferred,
        string[] names,
        int[]?[] inputs,
        int[] order)
    {
        var builder = new GraphBuilder(layers.Count);
        int[] first = builder.Place(inferred);
        for (int i = 0; i < layers.Count; i++)
        {
            LayerInference layer = inferred[i]!;
            int[] ins = inputs[i]!.Select(j => builder.OutputNode[j]).ToArray();
            if (layer.Inlined is { } block)
            {
                builder.Inline(block, i, first[i], names[i], descriptors[i]!.ClassName(layers[i]), ins[0]);
                continue;
            }

            builder.Nodes.Add(new LayerNode(
                first[i],
                i,
                names[i],
                names[i],
                descriptors[i]!,
                configs[i]!,
                descriptors[i]!.ClassName(layers[i]),
                ins.ToEquatableArray(),
                layer.Output!.Value,
                layer.Weights.ToEquatableArray()));
        }

        foreach (int i in order)
        {
            if (inferred[i]!.Inlined is { } block)
            {
                builder.Order.AddRange(block.Order.Where(n => !block.InputLayers.Contains(n)).Select(n => first[i] + Position(block, n)));
            }
            else
            {
                builder.Order.Add(first[i]);
            }
        }

        return builder;
    }

    /// <summary>Gives each declaration its node indices: one, or a block's layers without its input.</summary>
    private int[] Place(LayerInference?[] inferred)
    {
        var first = new int[inferred.Length];
        int next = 0;
        for (int i = 0; i < inferred.Length; i++)
        {
            first[i] = next;
            if (inferred[i]!.Inlined is { } block)
            {
                OutputNode[i] = next + Position(block, block.OutputLayer);
                next += block.Layers.Count - block.InputLayers.Count;
            }
            else
            {
                OutputNode[i] = next++;
            }
        }

        return first;
    }

    private void Inline(ModelGraph block, int spec, int first, string name, string className, int input)
    {
        int blockIndex = Blocks.Count;
        int Map(int inner) => block.InputLayers.Contains(inner) ? input : first + Position(block, inner);
        foreach (LayerNode inner in block.Layers.Where(n => !block.InputLayers.Contains(n.Index)))
        {
            Nodes.Add(inner with
            {
                Index = Map(inner.Index),
                SpecIndex = spec,
                Path = name + "/" + inner.Path,
                Inputs = inner.Inputs.Select(Map).ToEquatableArray(),
                Block = blockIndex,
            });
        }

        Blocks.Add(new BlockSummary(name, className, input, Map(block.OutputLayer), block.ParameterCount));
    }

    /// <summary>A block layer's position among the block's layers once its input is dropped.</summary>
    private static int Position(ModelGraph block, int inner) => inner - block.InputLayers.Count(j => j < inner);
}

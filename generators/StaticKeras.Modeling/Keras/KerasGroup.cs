using System.Collections.Generic;
using System.Linq;
using StaticKeras.Modeling.Layers;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Keras;

/// <summary>
/// One Keras model as the saved config and weights file see it: the top-level model or a block
/// (Keras's nested Functional model). Its items are its layers, blocks nested in it, and, for a
/// block, the InputLayer Keras gives every Functional model (inlining dropped it). Items keep
/// declaration order; <see cref="Operations"/> gives Keras's own order.
/// </summary>
internal sealed class KerasGroup
{
    private KerasGroup(string name) => Name = name;

    /// <summary>The model's (or block's) name.</summary>
    public string Name { get; }

    /// <summary>Its layers and nested blocks, in declaration order.</summary>
    public List<KerasItem> Items { get; } = new();

    /// <summary>The item whose output is the model's.</summary>
    public int Output { get; private set; }

    /// <summary>Builds the top-level model's group from a valid graph.</summary>
    public static KerasGroup Of(ModelGraph graph, string name)
    {
        var group = new KerasGroup(name);
        group.Fill(graph, graph.Layers.ToList(), string.Empty, graph.OutputLayer, null);
        return group;
    }

    /// <summary>
    /// Keras's order of a Functional model's operations (keras/src/ops/function.py, <c>map_graph</c>):
    /// by depth from the output, deepest (the inputs) first, ties by when a depth-first walk from the
    /// output first met them. The weights file keys a Functional model's layers in this order.
    /// </summary>
    public IReadOnlyList<int> Operations()
    {
        var index = new Dictionary<int, int>();
        var depth = new int[Items.Count];
        var done = new HashSet<int>();
        var order = new List<int>();
        Visit(Output, index, done, order);
        for (int k = order.Count - 1; k >= 0; k--)
        {
            foreach (int parent in Items[order[k]].Inputs)
            {
                depth[parent] = System.Math.Max(depth[parent], depth[order[k]] + 1);
            }
        }

        return order.OrderByDescending(i => depth[i]).ThenBy(i => index[i]).ToList();
    }

    private void Visit(int item, Dictionary<int, int> index, HashSet<int> done, List<int> order)
    {
        if (done.Contains(item))
        {
            return;
        }

        if (!index.ContainsKey(item))
        {
            index[item] = index.Count;
        }

        foreach (int parent in Items[item].Inputs)
        {
            Visit(parent, index, done, order);
        }

        done.Add(item);
        order.Add(item);
    }

    /// <summary>
    /// Adds <paramref name="nodes"/> (all under <paramref name="prefix"/>): a node directly in this
    /// group becomes an item; nodes whose path goes one level deeper form a nested block.
    /// </summary>
    private void Fill(ModelGraph graph, List<LayerNode> nodes, string prefix, int outputNode, Shape? blockInput)
    {
        var itemOf = new Dictionary<int, int>();
        int input = -1;
        if (blockInput is { } shape)
        {
            input = Add(new KerasItem(UniqueInputName(nodes, prefix), "InputLayer", null, null, shape, new List<int>()));
        }

        for (int i = 0; i < nodes.Count;)
        {
            string relative = nodes[i].Path.Substring(prefix.Length);
            int slash = relative.IndexOf('/');
            if (slash < 0)
            {
                itemOf[nodes[i].Index] = Add(new KerasItem(nodes[i].Name, nodes[i].KerasClassName, nodes[i], null, nodes[i].OutputShape, new List<int>()));
                i++;
                continue;
            }

            string inner = relative.Substring(0, slash);
            var members = nodes.Skip(i).TakeWhile(n => n.Path.StartsWith(prefix + inner + "/", System.StringComparison.Ordinal)).ToList();
            int external = members.SelectMany(m => m.Inputs).First(j => !members.Any(m => m.Index == j));
            var block = new KerasGroup(inner);
            block.Fill(graph, members, prefix + inner + "/", members[members.Count - 1].Index, graph.Layers[external].OutputShape);
            int at = Add(new KerasItem(inner, "Functional", null, block, members[members.Count - 1].OutputShape, new List<int>()));
            foreach (LayerNode member in members)
            {
                itemOf[member.Index] = at;
            }

            i += members.Count;
        }

        foreach (KerasItem item in Items)
        {
            IEnumerable<int> reads = item.Node is { } node ? node.Inputs : item.Block is { } b ? Reads(b, graph) : Enumerable.Empty<int>();
            foreach (int j in reads)
            {
                int source = itemOf.TryGetValue(j, out int s) ? s : input;
                if (!item.Inputs.Contains(source) || item.Node is not null)
                {
                    item.Inputs.Add(source);
                }
            }
        }

        Output = itemOf[outputNode];
    }

    /// <summary>The nodes outside a nested block that its layers read (its one input).</summary>
    private static IEnumerable<int> Reads(KerasGroup block, ModelGraph graph)
    {
        var inside = new HashSet<int>(block.AllNodes().Select(n => n.Index));
        return block.AllNodes().SelectMany(n => n.Inputs).Where(j => !inside.Contains(j)).Distinct();
    }

    /// <summary>Every layer node in this group and the blocks nested in it.</summary>
    public IEnumerable<LayerNode> AllNodes() =>
        Items.SelectMany(i => i.Node is { } n ? new[] { n } : i.Block?.AllNodes() ?? Enumerable.Empty<LayerNode>());

    private int Add(KerasItem item)
    {
        Items.Add(item);
        return Items.Count - 1;
    }

    private static string UniqueInputName(List<LayerNode> nodes, string prefix)
    {
        var taken = new HashSet<string>(nodes.Select(n => n.Path.Substring(prefix.Length).Split('/')[0]));
        string name = "input_layer";
        for (int n = 1; taken.Contains(name); n++)
        {
            name = "input_layer_" + n;
        }

        return name;
    }
}

/// <summary>One layer of a <see cref="KerasGroup"/>: a graph node, a nested block, or a block's InputLayer.</summary>
/// <param name="Name">The layer's name in its model.</param>
/// <param name="ClassName">Its Keras class (<c>Dense</c>; <c>Functional</c> for a block).</param>
/// <param name="Node">The graph node, for a layer.</param>
/// <param name="Block">The nested model, for a block.</param>
/// <param name="OutputShape">Its output shape.</param>
/// <param name="Inputs">The items it reads, in argument order.</param>
internal sealed record KerasItem(string Name, string ClassName, LayerNode? Node, KerasGroup? Block, Shape OutputShape, List<int> Inputs)
{
    /// <summary>True for an input of the model.</summary>
    public bool IsInput => Node is { Descriptor.Arity: LayerArity.None } || (Node is null && Block is null);
}

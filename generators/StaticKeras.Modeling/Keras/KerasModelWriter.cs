using System.Collections.Generic;
using System.Linq;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Keras;

/// <summary>One <c>vars</c> group of a Keras 3 weights file: where it is, the object's name, and the model weights it holds in order.</summary>
/// <param name="Path">The group holding <c>vars</c>: <c>layers/dense_1</c>, <c>layers/functional/layers/dense</c>.</param>
/// <param name="Name">The layer's name (the <c>vars</c> group's <c>name</c> attribute).</param>
/// <param name="Weights">Indices into the model's weights (the definition's order), trainable then non-trainable.</param>
/// <remarks>Equality: by value.</remarks>
internal sealed record KerasGroupSpec(string Path, string Name, EquatableArray<int> Weights);

/// <summary>What a model is in Keras's files: its <c>config.json</c> model config and its weights file's groups.</summary>
/// <remarks>Equality: by value.</remarks>
internal sealed record KerasModelFile(string Config, EquatableArray<KerasGroupSpec> Groups);

/// <summary>
/// Writes a graph as Keras 3 saves a model: the config <c>keras.models.load_model</c> rebuilds it
/// from (a <c>Sequential</c> for a plain chain, else a <c>Functional</c> with inbound nodes; blocks
/// as nested Functional models; keras/src/models/sequential.py and functional.py, <c>get_config</c>),
/// and the weights file's keys (keras/src/saving/saving_lib.py, <c>_save_container_state</c>: a
/// model's layers under <c>layers/</c>, keyed by snake-cased class made unique with a counter, in
/// <c>model.layers</c> order: a Sequential's without its InputLayer, a Functional's in its
/// operations' order with its InputLayers).
/// </summary>
internal static class KerasModelWriter
{
    public static KerasModelFile Write(ModelGraph graph)
    {
        string name = LayerNaming.SnakeCase(graph.Type.Name);
        KerasGroup top = KerasGroup.Of(graph, name);
        var weightStart = new int[graph.Layers.Count];
        for (int i = 0, n = 0; i < graph.Layers.Count; i++)
        {
            weightStart[i] = n;
            n += graph.Layers[i].Weights.Count;
        }

        var groups = new List<KerasGroupSpec>();
        string config;
        if (graph.IsSequential)
        {
            List<int> layers = Enumerable.Range(1, top.Items.Count - 1).ToList();
            AddGroups(top, layers, string.Empty, weightStart, groups);
            config = Sequential(top, name);
        }
        else
        {
            IReadOnlyList<int> operations = top.Operations();
            AddGroups(top, operations, string.Empty, weightStart, groups);
            config = Functional(top, operations, name, nested: false).ToString();
        }

        return new KerasModelFile(config, groups.ToEquatableArray());
    }

    private static void AddGroups(KerasGroup group, IReadOnlyList<int> layers, string prefix, int[] weightStart, List<KerasGroupSpec> groups)
    {
        IReadOnlyList<string> keys = SaveKeys(layers.Select(i => group.Items[i].ClassName));
        for (int k = 0; k < layers.Count; k++)
        {
            KerasItem item = group.Items[layers[k]];
            string path = prefix + "layers/" + keys[k];
            EquatableArray<int> weights = item.Node is { } node
                ? Enumerable.Range(weightStart[node.Index], node.Weights.Count).ToEquatableArray()
                : EquatableArray<int>.Empty;
            groups.Add(new KerasGroupSpec(path, item.Name, weights));
            if (item.Block is { } block)
            {
                AddGroups(block, block.Operations(), path + "/", weightStart, groups);
            }
        }
    }

    /// <summary>saving_lib's <c>_get_unique_name</c> over snake-cased class names: dense, dense_1, re_lu.</summary>
    private static IReadOnlyList<string> SaveKeys(IEnumerable<string> classNames)
    {
        var used = new Dictionary<string, int>();
        var keys = new List<string>();
        foreach (string className in classNames)
        {
            string key = LayerNaming.SnakeCase(className);
            if (used.TryGetValue(key, out int n))
            {
                used[key] = n + 1;
                keys.Add(key + "_" + (n + 1));
            }
            else
            {
                used[key] = 0;
                keys.Add(key);
            }
        }

        return keys;
    }

    private static string Sequential(KerasGroup top, string name)
    {
        var layers = top.Items.Select((item, i) => Layer(top, i, functional: false)).ToList();
        string inputShape = KerasJson.BatchShape(top.Items[0].OutputShape.Dims);
        var config = new KerasJson()
            .Raw("name", KerasJson.Quote(name)).Raw("trainable", "true").Raw("dtype", "\"float32\"")
            .Raw("layers", KerasJson.Array(layers)).Raw("build_input_shape", inputShape);
        return new KerasJson()
            .Raw("module", "\"keras\"").Raw("class_name", "\"Sequential\"").Raw("config", config.ToString())
            .Raw("registered_name", "null").Raw("build_config", new KerasJson().Raw("input_shape", inputShape).ToString()).ToString();
    }

    private static KerasJson Functional(KerasGroup group, IReadOnlyList<int> operations, string name, bool nested)
    {
        string Reference(int item) => KerasJson.Array(new[] { KerasJson.Quote(group.Items[item].Name), group.Items[item].Block is null ? "0" : "1", "0" });
        var config = new KerasJson()
            .Raw("name", KerasJson.Quote(name)).Raw("trainable", "true")
            .Raw("layers", KerasJson.Array(operations.Select(i => Layer(group, i, functional: true))))
            .Raw("input_layers", KerasJson.Array(operations.Where(i => group.Items[i].IsInput).Select(Reference)))
            .Raw("output_layers", KerasJson.Array(new[] { Reference(group.Output) }));
        var model = new KerasJson().Raw("module", "\"keras\"").Raw("class_name", "\"Functional\"").Raw("config", config.ToString()).Raw("registered_name", "\"Functional\"");
        return nested ? model : model.Raw("build_config", new KerasJson().Raw("input_shape", "null").ToString());
    }

    /// <summary>One entry of a model's <c>layers</c>: the serialized layer, and in a Functional its name and inbound node.</summary>
    private static string Layer(KerasGroup group, int index, bool functional)
    {
        KerasItem item = group.Items[index];
        KerasJson entry;
        if (item.Block is { } block)
        {
            entry = Functional(block, block.Operations(), item.Name, nested: true);
        }
        else
        {
            entry = new KerasJson()
                .Raw("module", KerasJson.Quote(item.Node?.Descriptor.KerasModule ?? "keras.layers"))
                .Raw("class_name", KerasJson.Quote(item.ClassName))
                .Raw("config", LayerConfig(item))
                .Raw("registered_name", "null");
        }

        if (!item.IsInput)
        {
            Shape[] inputs = item.Inputs.Select(i => group.Items[i].OutputShape).ToArray();
            string shape = inputs.Length == 1 ? KerasJson.BatchShape(inputs[0].Dims) : KerasJson.Array(inputs.Select(s => KerasJson.BatchShape(s.Dims)));
            entry.Raw("build_config", new KerasJson().Raw("input_shape", shape).ToString());
        }

        if (functional)
        {
            entry.Raw("name", KerasJson.Quote(item.Name)).Raw("inbound_nodes", item.IsInput ? "[]" : InboundNode(group, item));
        }

        return entry.ToString();
    }

    private static string LayerConfig(KerasItem item)
    {
        var json = new KerasJson();
        if (item.IsInput)
        {
            // InputLayer's get_config; only the members every Keras 3 release accepts.
            return json.Raw("batch_shape", KerasJson.BatchShape(item.OutputShape.Dims)).Raw("dtype", "\"float32\"").Raw("sparse", "false").Raw("name", KerasJson.Quote(item.Name)).ToString();
        }

        json.Raw("name", KerasJson.Quote(item.Name)).Raw("trainable", "true").Raw("dtype", "\"float32\"");
        item.Node!.Descriptor.WriteKerasConfig(item.Node.Config, new KerasConfigWriter(json));
        return json.ToString();
    }

    /// <summary>functional.py's <c>serialize_node</c>: the call's arguments, Keras tensors naming the layer, node and tensor they come from.</summary>
    private static string InboundNode(KerasGroup group, KerasItem item)
    {
        string Tensor(int source)
        {
            KerasItem from = group.Items[source];
            string history = KerasJson.Array(new[] { KerasJson.Quote(from.Name), from.Block is null ? "0" : "1", "0" });
            string config = new KerasJson().Raw("shape", KerasJson.BatchShape(from.OutputShape.Dims)).Raw("dtype", "\"float32\"").Raw("keras_history", history).ToString();
            return new KerasJson().Raw("class_name", "\"__keras_tensor__\"").Raw("config", config).ToString();
        }

        // A merge layer is called on a list of tensors (one argument); other layers on one tensor.
        bool merge = item.Node?.Descriptor.Arity == Layers.LayerArity.Many;
        string args = merge ? KerasJson.Array(new[] { KerasJson.Array(item.Inputs.Select(Tensor)) }) : KerasJson.Array(item.Inputs.Select(Tensor));
        return KerasJson.Array(new[] { new KerasJson().Raw("args", args).Raw("kwargs", "{}").ToString() });
    }
}

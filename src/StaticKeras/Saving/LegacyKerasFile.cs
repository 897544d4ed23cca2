using System;
using System.Collections.Generic;
using System.IO;
using StaticKeras.Saving.Hdf5;

namespace StaticKeras.Saving;

/// <summary>
/// Legacy Keras 2 HDF5 files (tf.keras/Keras 2 <c>legacy_h5_format.py</c>): weights at
/// <c>[model_weights/]&lt;layer&gt;/&lt;weight name&gt;</c>, listed by the <c>layer_names</c> and <c>weight_names</c>
/// attributes (split into <c>weight_names0</c>, <c>weight_names1</c>, ... when too long for one header).
/// </summary>
public static class LegacyKerasFile
{
    /// <summary>Reads and validates a legacy whole-model or weights-only file.</summary>
    /// <exception cref="ModelFileException">The file is truncated, corrupted, or its names and datasets disagree.</exception>
    public static LegacyKerasModel Read(string path) => Read(FileBytes.ReadAll(path), Path.GetFileName(path));

    /// <summary>Reads a legacy file held in memory; <paramref name="name"/> names it in errors.</summary>
    public static LegacyKerasModel Read(byte[] data, string name)
    {
        ArgumentNullException.ThrowIfNull(data);
        return FileBytes.Guard(name, () => ReadRoot(H5Node.OpenRoot(data, name), name));
    }

    /// <summary>
    /// Writes <paramref name="model"/> as a legacy file, atomically: a whole-model file when it has a
    /// model config (weights under <c>model_weights</c>), else a weights-only file. Variable names must
    /// be the weight names (<c>dense/kernel:0</c>).
    /// </summary>
    public static void Write(string path, LegacyKerasModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        H5WriteNode root = H5WriteNode.Group(string.Empty);
        H5WriteNode weights = model.ModelConfig == null ? root : root.ChildGroup("model_weights");
        AddText(root, "model_config", model.ModelConfig);
        AddText(root, "training_config", model.TrainingConfig);
        foreach (H5WriteNode node in model.ModelConfig == null ? new[] { root } : new[] { root, weights })
        {
            AddText(node, "keras_version", model.KerasVersion ?? "2.15.0");
            AddText(node, "backend", model.Backend ?? "tensorflow");
        }

        var layerNames = new List<string>();
        foreach (LayerVariables layer in model.Layers)
        {
            layerNames.Add(layer.Key);
            AddWeights(weights.ChildGroup(layer.Key), layer);
        }

        AddNames(weights, "layer_names", layerNames);
        AtomicFile.Write(path, stream => H5Writer.Write(stream, root));
    }

    private static LegacyKerasModel ReadRoot(H5Node root, string name)
    {
        H5Node weights = root.Member("model_weights") ?? root;
        string[] layerNames = weights.Attribute("layer_names")?.Strings()
            ?? throw weights.Error("has no 'layer_names' attribute; a legacy Keras file lists its layers there (is this a Keras 3 .weights.h5 file? Read it with KerasWeightsFile)");
        var layers = new List<LayerVariables>();
        foreach (string layer in layerNames)
        {
            H5Node group = weights.Member(layer) ?? throw weights.Error($"lists layer '{layer}' in 'layer_names' but has no group of that name; the file is corrupted");
            layers.Add(new LayerVariables(layer, layer, ReadWeights(group)) { SourceFile = name });
        }

        OptimizerVariables? optimizer = null;
        if (root.Member("optimizer_weights") is { } opt)
        {
            optimizer = new OptimizerVariables(null, ReadWeights(opt)) { SourceFile = name };
        }

        return new LegacyKerasModel(layers, Text(root, "model_config"), Text(root, "training_config"), Text(root, "keras_version") ?? Text(weights, "keras_version"), Text(root, "backend") ?? Text(weights, "backend"), optimizer) { SourceFile = name };
    }

    private static List<KerasVariable> ReadWeights(H5Node group)
    {
        var result = new List<KerasVariable>();
        foreach (string weight in WeightNames(group))
        {
            H5Node node = group;
            foreach (string part in weight.Split('/'))
            {
                node = node.Member(part) ?? throw group.Error($"lists weight '{weight}' in 'weight_names' but has no dataset at '{group.Path}/{weight}'; the file is corrupted");
            }

            result.Add(VariableCodec.Read(node, weight));
        }

        return result;
    }

    // Keras 2 splits attributes over 64 KB into name0, name1, ... (load_attributes_from_hdf5_group).
    private static List<string> WeightNames(H5Node group)
    {
        var names = new List<string>();
        if (group.Attribute("weight_names") is { } single)
        {
            names.AddRange(single.Strings());
            return names;
        }

        for (int i = 0; group.Attribute("weight_names" + i) is { } part; i++)
        {
            names.AddRange(part.Strings());
        }

        return names;
    }

    private static void AddWeights(H5WriteNode group, LayerVariables layer)
    {
        var names = new List<string>();
        foreach (KerasVariable v in layer.Variables)
        {
            names.Add(v.Name);
            int slash = v.Name.LastIndexOf('/');
            H5WriteNode parent = slash < 0 ? group : group.GroupAt(v.Name.Substring(0, slash));
            parent.Children.Add(VariableCodec.Dataset(v, v.Name.Substring(slash + 1)));
        }

        AddNames(group, "weight_names", names);
    }

    // Keras 2 (save_attributes_to_hdf5_group) splits a name list whose array exceeds 64,512 bytes into
    // name0, name1, ... of near-equal counts (numpy's array_split), each small enough for an object header.
    private static void AddNames(H5WriteNode node, string name, List<string> names)
    {
        const int Limit = 64512;
        int width = 1;
        foreach (string n in names)
        {
            width = Math.Max(width, System.Text.Encoding.UTF8.GetByteCount(n));
        }

        if (width > Limit)
        {
            throw new ArgumentException($"A name in '{name}' is {width} bytes long; Keras 2 files allow at most {Limit}.", nameof(names));
        }

        int chunks = 1;
        while ((((names.Count + chunks - 1) / chunks) * (long)width) > Limit)
        {
            chunks++;
        }

        if (chunks == 1)
        {
            node.Attributes.Add(H5WriteAttribute.Strings(name, names, width));
            return;
        }

        for (int c = 0, start = 0; c < chunks; c++)
        {
            int count = (names.Count / chunks) + (c < names.Count % chunks ? 1 : 0);
            node.Attributes.Add(H5WriteAttribute.Strings(name + c.ToString(System.Globalization.CultureInfo.InvariantCulture), names.GetRange(start, count), width));
            start += count;
        }
    }

    private static void AddText(H5WriteNode node, string name, string? value)
    {
        if (value != null)
        {
            node.Attributes.Add(H5WriteAttribute.String(name, value));
        }
    }

    private static string? Text(H5Node node, string name) => node.Attribute(name)?.String();
}

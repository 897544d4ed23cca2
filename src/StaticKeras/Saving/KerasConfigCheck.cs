using System;
using System.Collections.Generic;
using System.Globalization;
using StaticKeras.Saving.Json;

namespace StaticKeras.Saving;

/// <summary>
/// Compares a <c>.keras</c> archive's model config with a declared model's, layer by layer, and
/// names the first difference: the layer, the argument, the file's value and the declared value.
/// Only what changes the computation is compared: names, <c>trainable</c>, dtypes, initializers,
/// regularizers, constraints and seeds are not (loaded weights replace what initializers made).
/// A member only one side writes (an argument a newer Keras added) is not a difference.
/// </summary>
internal static class KerasConfigCheck
{
    private static readonly string[] Skipped = { "name", "trainable", "dtype", "seed", "sparse", "ragged", "optional" };

    /// <exception cref="ModelFileException">The configs differ; the message says where and how.</exception>
    public static void Check(string file, string fileConfig, string declaredConfig, string modelName)
    {
        JsonValue stored = JsonReader.Parse(fileConfig, file, "config.json");
        JsonValue declared = JsonReader.Parse(declaredConfig, modelName, "declaration");
        CompareModel(file, stored, declared, modelName, string.Empty);
    }

    private static void CompareModel(string file, JsonValue stored, JsonValue declared, string modelName, string path)
    {
        List<JsonValue> fileLayers = Layers(stored), ourLayers = Layers(declared);
        if (fileLayers.Count != ourLayers.Count)
        {
            throw Difference(file, path.Length == 0 ? "the model" : $"block '{path}'", $"has {fileLayers.Count} layers in the file ({Classes(fileLayers)}) but {ourLayers.Count} in {modelName}'s declaration ({Classes(ourLayers)})");
        }

        for (int i = 0; i < fileLayers.Count; i++)
        {
            string fileClass = Text(fileLayers[i]["class_name"]), ourClass = Text(ourLayers[i]["class_name"]);
            string layerName = Text(fileLayers[i]["config"]?["name"]);
            string where = $"layer {i + 1} ('{(path.Length == 0 ? string.Empty : path + "/")}{layerName}')";
            if (fileClass != ourClass && !(IsModel(fileClass) && IsModel(ourClass)))
            {
                throw Difference(file, where, $"is a {fileClass} in the file but a {ourClass} in {modelName}'s declaration");
            }

            if (IsModel(ourClass))
            {
                CompareModel(file, fileLayers[i], ourLayers[i], modelName, (path.Length == 0 ? string.Empty : path + "/") + layerName);
                continue;
            }

            CompareConfig(file, where, fileLayers[i]["config"], ourLayers[i]["config"], modelName);
        }
    }

    private static void CompareConfig(string file, string where, JsonValue? stored, JsonValue? declared, string modelName)
    {
        if (stored is null || declared is null)
        {
            return;
        }

        foreach (KeyValuePair<string, JsonValue> member in declared.Members)
        {
            string key = member.Key;
            if (Array.IndexOf(Skipped, key) >= 0 || key.EndsWith("_initializer", StringComparison.Ordinal) || key.EndsWith("_regularizer", StringComparison.Ordinal) || key.EndsWith("_constraint", StringComparison.Ordinal))
            {
                continue;
            }

            if (stored[key] is { } value && !Same(value, member.Value))
            {
                throw Difference(file, where, $"has {key} = {Show(value)} in the file but {Show(member.Value)} in {modelName}'s declaration");
            }
        }
    }

    /// <summary>Equal values; numbers compare as float32 (Keras 2 wrote float32 arguments as 0.699999988079071).</summary>
    private static bool Same(JsonValue a, JsonValue b)
    {
        if (a.Kind == JsonKind.Number && b.Kind == JsonKind.Number)
        {
            return (float)Number(a) == (float)Number(b) || (double.IsNaN(Number(a)) && double.IsNaN(Number(b)));
        }

        if (a.Kind != b.Kind)
        {
            // A one-element list and its element (Keras 2 wrote axis -1, Keras 3 [-1]).
            return (a.Kind == JsonKind.Array && a.Items.Count == 1 && Same(a.Items[0], b)) || (b.Kind == JsonKind.Array && b.Items.Count == 1 && Same(a, b.Items[0]));
        }

        switch (a.Kind)
        {
            case JsonKind.Array:
                if (a.Items.Count != b.Items.Count)
                {
                    return false;
                }

                for (int i = 0; i < a.Items.Count; i++)
                {
                    if (!Same(a.Items[i], b.Items[i]))
                    {
                        return false;
                    }
                }

                return true;
            case JsonKind.Object:
                foreach (KeyValuePair<string, JsonValue> m in b.Members)
                {
                    if (a[m.Key] is { } other && !Same(other, m.Value))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return a.Text == b.Text;
        }
    }

    /// <summary>A model's layers without its InputLayers (a Sequential lists one first, a Functional one per input).</summary>
    private static List<JsonValue> Layers(JsonValue model)
    {
        var layers = new List<JsonValue>();
        foreach (JsonValue layer in model["config"]?["layers"]?.Items ?? Array.Empty<JsonValue>())
        {
            if (Text(layer["class_name"]) != "InputLayer")
            {
                layers.Add(layer);
            }
        }

        return layers;
    }

    private static bool IsModel(string className) => className is "Functional" or "Sequential" or "Model";

    private static string Classes(List<JsonValue> layers) => string.Join(", ", layers.ConvertAll(l => Text(l["class_name"])));

    private static string Text(JsonValue? value) => value is { Kind: JsonKind.String } ? value.Text : "?";

    private static double Number(JsonValue v) => v.Text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(v.Text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static string Show(JsonValue v) => v.Kind switch
    {
        JsonKind.String => "\"" + v.Text + "\"",
        JsonKind.Array => "[" + string.Join(", ", ((List<JsonValue>)[.. v.Items]).ConvertAll(Show)) + "]",
        JsonKind.Object => "{...}",
        _ => v.Text,
    };

    private static ModelFileException Difference(string file, string where, string what) =>
        new(file, "config.json", $"{where} {what}. The archive holds a different model; declare the model as the file has it, or load only its weights with LoadWeights if the difference does not matter");
}

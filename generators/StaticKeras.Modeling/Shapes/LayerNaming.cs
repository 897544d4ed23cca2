using System.Collections.Generic;
using System.Text.RegularExpressions;
using StaticKeras.Modeling.Layers;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Shapes;

/// <summary>Keras's layer names: the user's <c>Name</c>, else snake_case of the class with <c>_1</c>, <c>_2</c> for repeats.</summary>
internal static class LayerNaming
{
    /// <summary>Gives every layer a name; reports duplicate and empty explicit names.</summary>
    public static string[] Resolve(EquatableArray<LayerSpec> layers, IReadOnlyList<LayerDescriptor?> descriptors, List<ModelError> errors)
    {
        var names = new string[layers.Count];
        var taken = new HashSet<string>();
        var explicitIndex = new Dictionary<string, int>();
        foreach (LayerSpec layer in layers)
        {
            if (layer.Find("Name")?.Value is { Kind: ArgumentKind.Text, Text: { } name })
            {
                if (name.Trim().Length == 0)
                {
                    errors.Add(new ModelError(ErrorKind.InvalidHyperparameter, layer.Index, "Name", $"Layer {layer.Index + 1} ([{layer.DisplayName}]) has an empty Name. Give it a name such as \"{SnakeCase(layer.DisplayName)}\", or leave Name out for Keras's default."));
                }
                else if (explicitIndex.TryGetValue(name, out int first))
                {
                    errors.Add(new ModelError(ErrorKind.DuplicateName, layer.Index, "Name", $"Two layers are named '{name}' (layers {first + 1} and {layer.Index + 1}). Layer names must be unique; rename one of them."));
                }
                else
                {
                    explicitIndex.Add(name, layer.Index);
                }

                names[layer.Index] = name;
                taken.Add(name);
            }
        }

        var counters = new Dictionary<string, int>();
        foreach (LayerSpec layer in layers)
        {
            if (names[layer.Index] is not null)
            {
                continue;
            }

            string prefix = SnakeCase(descriptors[layer.Index]?.ClassName(layer) ?? layer.DisplayName);
            counters.TryGetValue(prefix, out int n);
            string candidate = n == 0 ? prefix : prefix + "_" + n;
            while (taken.Contains(candidate))
            {
                n++;
                candidate = prefix + "_" + n;
            }

            counters[prefix] = n + 1;
            names[layer.Index] = candidate;
            taken.Add(candidate);
        }

        return names;
    }

    /// <summary>Keras's <c>to_snake_case</c>: <c>InputLayer</c> → <c>input_layer</c>, <c>MaxPooling2D</c> → <c>max_pooling2d</c>.</summary>
    public static string SnakeCase(string name)
    {
        // The same three substitutions as keras.src.utils.naming.to_snake_case.
        name = Regex.Replace(name, @"\W+", string.Empty);
        name = Regex.Replace(name, "(.)([A-Z][a-z]+)", "$1_$2");
        return Regex.Replace(name, "([a-z])([A-Z])", "$1_$2").ToLowerInvariant();
    }
}

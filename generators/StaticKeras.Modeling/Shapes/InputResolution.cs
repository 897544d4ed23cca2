using System.Collections.Generic;
using System.Linq;
using StaticKeras.Modeling.Layers;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Shapes;

/// <summary>
/// Resolves which layers each layer reads: named inputs (<c>Input = "x"</c>, <c>[Add("x", "h")]</c>)
/// or, by default, the layer declared above.
/// </summary>
internal static class InputResolution
{
    /// <summary>The input indices of every layer; null for a layer whose inputs could not be resolved (errors reported).</summary>
    public static int[]?[] Resolve(EquatableArray<LayerSpec> layers, IReadOnlyList<LayerDescriptor?> descriptors, string[] names, List<ModelError> errors)
    {
        var byName = new Dictionary<string, int>();
        for (int i = 0; i < names.Length; i++)
        {
            if (!byName.ContainsKey(names[i]))
            {
                byName.Add(names[i], i);
            }
        }

        var inputs = new int[]?[layers.Count];
        foreach (LayerSpec layer in layers)
        {
            LayerDescriptor? rule = descriptors[layer.Index];
            if (rule is null || layer.IsMalformed)
            {
                continue;
            }

            inputs[layer.Index] = rule.Arity switch
            {
                LayerArity.None => new int[0],
                LayerArity.One => ResolveOne(layer, rule, names, byName, errors),
                _ => ResolveMany(layer, rule, names, byName, errors),
            };
        }

        return inputs;
    }

    private static int[]? ResolveOne(LayerSpec layer, LayerDescriptor rule, string[] names, Dictionary<string, int> byName, List<ModelError> errors)
    {
        string title = rule.ClassName(layer) + " '" + names[layer.Index] + "'";
        if (layer.Find("Input")?.Value is { Kind: ArgumentKind.Text, Text: { } inputName })
        {
            int? index = Lookup(layer, title, "Input", -1, inputName, names, byName, errors);
            return index is null ? null : new[] { index.Value };
        }

        if (layer.Index == 0)
        {
            errors.Add(new ModelError(
                ErrorKind.MissingInput,
                layer.Index,
                null,
                $"{title} is the first layer, so it has no input. Declare the model's input first, for example [Input(784)] above it.",
                Fix: "Input"));
            return null;
        }

        return new[] { layer.Index - 1 };
    }

    private static int[]? ResolveMany(LayerSpec layer, LayerDescriptor rule, string[] names, Dictionary<string, int> byName, List<ModelError> errors)
    {
        string title = rule.ClassName(layer) + " '" + names[layer.Index] + "'";
        string[] inputNames = layer.Find("Inputs")?.Value is { Kind: ArgumentKind.TextArray } v ? v.Texts.ToArray() : new string[0];
        if (inputNames.Length < 2)
        {
            errors.Add(new ModelError(
                ErrorKind.WrongInputCount,
                layer.Index,
                inputNames.Length == 0 ? null : "Inputs",
                $"{title} merges two or more layers but lists {inputNames.Length}. Name the layers to merge, for example [{layer.DisplayName}(\"x\", \"h\")] with Name = \"x\" and Name = \"h\" on those layers."));
            return null;
        }

        var result = new int[inputNames.Length];
        bool ok = true;
        for (int i = 0; i < inputNames.Length; i++)
        {
            int? index = Lookup(layer, title, "Inputs", i, inputNames[i], names, byName, errors);
            ok &= index is not null;
            result[i] = index ?? -1;
        }

        return ok ? result : null;
    }

    private static int? Lookup(LayerSpec layer, string title, string argument, int position, string inputName, string[] names, Dictionary<string, int> byName, List<ModelError> errors)
    {
        if (byName.TryGetValue(inputName, out int index))
        {
            if (index == layer.Index)
            {
                errors.Add(new ModelError(ErrorKind.Cycle, layer.Index, argument, $"{title} reads its own output ('{inputName}'), which makes a cycle. Read a layer declared before it instead.", position));
                return null;
            }

            return index;
        }

        string? closest = NameSuggestion.Closest(inputName, names.Where((_, i) => i != layer.Index));
        string hint = closest is null
            ? $"The layers are named {string.Join(", ", names.Select(n => "'" + n + "'"))}."
            : $"Did you mean '{closest}'?";
        errors.Add(new ModelError(
            ErrorKind.UnknownInput,
            layer.Index,
            argument,
            $"{title} reads '{inputName}', but no layer has that name. {hint}",
            position,
            closest));
        return null;
    }
}

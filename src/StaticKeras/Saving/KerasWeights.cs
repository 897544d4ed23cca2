using System;
using System.Collections.Generic;

namespace StaticKeras.Saving;

/// <summary>
/// Everything a Keras 3 <c>.weights.h5</c> file holds: each layer's variables by key, the optimizer's,
/// the model's name, and any other saved groups (checkpoint state such as counters and random streams).
/// </summary>
public sealed class KerasWeights
{
    /// <summary>Creates the contents of a weights file.</summary>
    /// <param name="layers">Each layer's variables.</param>
    /// <param name="optimizer">The optimizer's variables, or null for none.</param>
    /// <param name="modelName">The model's name (the root <c>vars</c> group's <c>name</c>), or null.</param>
    /// <param name="others">Further groups (any path outside <c>layers/</c> and <c>optimizer</c>), or null.</param>
    public KerasWeights(IReadOnlyList<LayerVariables> layers, OptimizerVariables? optimizer = null, string? modelName = null, IReadOnlyList<VariableGroup>? others = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        Layers = layers;
        Optimizer = optimizer;
        ModelName = modelName;
        Others = others ?? Array.Empty<VariableGroup>();
    }

    /// <summary>The layers' variables, in file order.</summary>
    public IReadOnlyList<LayerVariables> Layers { get; }

    /// <summary>The optimizer's variables, or null when the file has none.</summary>
    public OptimizerVariables? Optimizer { get; }

    /// <summary>The model's name, or null when the file does not record it.</summary>
    public string? ModelName { get; }

    /// <summary>Groups outside <c>layers/</c> and <c>optimizer</c> (metrics, checkpoint state).</summary>
    public IReadOnlyList<VariableGroup> Others { get; }

    /// <summary>The file this was read from; empty when built in memory.</summary>
    public string SourceFile { get; internal set; } = string.Empty;

    /// <summary>The layer saved under <paramref name="key"/> (<c>dense_1</c>).</summary>
    /// <exception cref="ModelFileException">No layer has that key; the message lists the keys there are.</exception>
    public LayerVariables Layer(string key)
    {
        foreach (LayerVariables layer in Layers)
        {
            if (layer.Key == key)
            {
                return layer;
            }
        }

        var keys = new List<string>();
        foreach (LayerVariables layer in Layers)
        {
            keys.Add(layer.Key);
        }

        throw new ModelFileException(SourceFile, "layers/" + key, $"is missing: the model has a layer saved under key '{key}', but the file has {(keys.Count == 0 ? "no layers" : "layers " + string.Join(", ", keys))}. The file was saved from a different model");
    }

    /// <summary>Every group in the file: the layers, the optimizer, then the others.</summary>
    public IEnumerable<VariableGroup> AllGroups()
    {
        foreach (LayerVariables l in Layers)
        {
            yield return l;
        }

        if (Optimizer != null)
        {
            yield return Optimizer;
        }

        foreach (VariableGroup g in Others)
        {
            yield return g;
        }
    }
}

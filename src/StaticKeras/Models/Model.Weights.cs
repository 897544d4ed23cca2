using System;
using System.Collections.Generic;

namespace StaticKeras;

public abstract partial class Model
{
    /// <summary>
    /// Keras's <c>get_weights()</c>: a copy of every weight, in Keras's order (per layer: trainable
    /// weights then non-trainable, in creation order) and layout (Dense kernel <c>(in, units)</c>).
    /// </summary>
    public IReadOnlyList<float[]> GetWeights()
    {
        var result = new float[Definition.Weights.Count][];
        for (int i = 0; i < result.Length; i++)
        {
            WeightDefinition w = Definition.Weights[i];
            result[i] = Parameters.Slice(w.Offset, w.Size).ToArray();
        }

        return result;
    }

    /// <summary>Keras's <c>set_weights()</c>: replaces every weight, given in <see cref="GetWeights"/>'s order and layout.</summary>
    /// <exception cref="ArgumentException">The count or a size does not match; names the weight and both shapes. Nothing is changed.</exception>
    public void SetWeights(IReadOnlyList<float[]> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        IReadOnlyList<WeightDefinition> expected = Definition.Weights;
        if (weights.Count != expected.Count)
        {
            throw new ArgumentException($"Model '{Name}' has {expected.Count} weights ({string.Join(", ", Paths(expected))}) but {weights.Count} were given.", nameof(weights));
        }

        for (int i = 0; i < expected.Count; i++)
        {
            WeightDefinition w = expected[i];
            if (weights[i] is null || weights[i].Length != w.Size)
            {
                throw new ArgumentException($"Weight {i} ({w.Path}) has shape {ModelDefinition.FormatShape(w.Shape)} = {w.Size} values, but {weights[i]?.Length.ToString() ?? "null"} were given.", nameof(weights));
            }
        }

        BeginWeightWrite();
        try
        {
            for (int i = 0; i < expected.Count; i++)
            {
                weights[i].CopyTo(Parameters.Slice(expected[i].Offset, expected[i].Size));
            }
        }
        finally
        {
            EndWeightWrite();
        }
    }

    /// <summary>
    /// One weight's values in place (no copy), by its Keras path (<c>dense/kernel</c>). Write them
    /// before the next prediction: what the inference pass derives from the weights is rebuilt
    /// from them then. To change weights while other threads predict, use <see cref="SetWeights"/>.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No weight has that path; the message lists them.</exception>
    public Span<float> GetWeight(string path)
    {
        foreach (WeightDefinition w in Definition.Weights)
        {
            if (w.Path == path)
            {
                WeightsHandedOut();
                return Parameters.Slice(w.Offset, w.Size);
            }
        }

        throw new KeyNotFoundException($"Model '{Name}' has no weight '{path}'; its weights are {string.Join(", ", Paths(Definition.Weights))}.");
    }

    /// <summary>For tests: one weight's gradient after a backward pass, by its Keras path.</summary>
    internal ReadOnlySpan<float> GetWeightGradient(string path)
    {
        foreach (WeightDefinition w in Definition.Weights)
        {
            if (w.Path == path)
            {
                return Gradients.Slice(w.Offset, w.Size);
            }
        }

        throw new KeyNotFoundException(path);
    }

    private static IEnumerable<string> Paths(IReadOnlyList<WeightDefinition> weights)
    {
        foreach (WeightDefinition w in weights)
        {
            yield return w.Path;
        }
    }
}

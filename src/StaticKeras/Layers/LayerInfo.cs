using System;
using System.ComponentModel;

namespace StaticKeras;

/// <summary>
/// What the generator worked out at compile time about one use of an <see cref="ILayer"/> in a
/// model: its name, shapes, where its weights live and its arguments. Generated code creates one
/// per use, once; <see cref="LayerContext"/> hands it to the layer.
/// </summary>
public sealed class LayerInfo
{
    /// <summary>Creates the facts of one layer use. Called by generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public LayerInfo(
        string name,
        int[] inputShape,
        int[] outputShape,
        string[] weightNames,
        int[] weightOffsets,
        int[] weightSizes,
        int[] cacheSizes,
        string[] argumentNames,
        double[] argumentValues)
    {
        Name = name;
        InputShape = inputShape;
        OutputShape = outputShape;
        WeightNames = weightNames;
        WeightOffsets = weightOffsets;
        WeightSizes = weightSizes;
        CacheSizes = cacheSizes;
        ArgumentNames = argumentNames;
        ArgumentValues = argumentValues;
        foreach (int size in cacheSizes)
        {
            CacheFloatsPerSample += size;
        }
    }

    /// <summary>The layer's name in the model (<c>rms_norm</c>).</summary>
    public string Name { get; }

    /// <summary>The input shape of one sample.</summary>
    public int[] InputShape { get; }

    /// <summary>The output shape of one sample.</summary>
    public int[] OutputShape { get; }

    /// <summary>The weights' names, in declaration order.</summary>
    public string[] WeightNames { get; }

    /// <summary>Each weight's offset in the model's parameter buffer.</summary>
    public int[] WeightOffsets { get; }

    /// <summary>Each weight's number of values.</summary>
    public int[] WeightSizes { get; }

    /// <summary>Each cache's floats per sample, in declaration order.</summary>
    public int[] CacheSizes { get; }

    /// <summary>All caches' floats per sample.</summary>
    public int CacheFloatsPerSample { get; }

    /// <summary>The layer attribute's numeric and boolean arguments, by property name.</summary>
    public string[] ArgumentNames { get; }

    /// <summary>Their values (booleans as 0 or 1).</summary>
    public double[] ArgumentValues { get; }

    internal int WeightIndex(string name)
    {
        int i = Array.IndexOf(WeightNames, name);
        return i >= 0 ? i : throw new ArgumentException($"Layer '{Name}' has no weight '{name}'; its weights are {string.Join(", ", WeightNames)}.", nameof(name));
    }
}

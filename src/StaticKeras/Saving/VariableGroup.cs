using System;
using System.Collections.Generic;
using System.Linq;

namespace StaticKeras.Saving;

/// <summary>
/// The variables one Keras object saves (its <c>vars</c> group): a layer, the optimizer, the model
/// itself, or extra state such as a checkpoint's counters. <see cref="Path"/> is the group holding
/// <c>vars</c>: <c>layers/dense_1</c>, <c>layers/bidirectional/forward_layer/cell</c>, <c>optimizer</c>,
/// or empty for the model.
/// </summary>
public class VariableGroup
{
    /// <summary>Creates a group of variables saved at <paramref name="path"/>.</summary>
    /// <param name="path">The group that holds <c>vars</c>, slash-separated, empty for the root.</param>
    /// <param name="name">The Keras object's name, written as the <c>vars</c> group's <c>name</c> attribute (Keras 3.6+); null for none.</param>
    /// <param name="variables">The variables, saved as <c>vars/0</c>, <c>vars/1</c>, ... in this order.</param>
    public VariableGroup(string path, string? name, IReadOnlyList<KerasVariable> variables)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(variables);
        Path = path.Trim('/');
        if (Path.Contains("//", StringComparison.Ordinal) || Path.Split('/').Any(part => part == "." || part == ".."))
        {
            throw new ArgumentException($"'{path}' is not a valid group path: its parts must be non-empty names, not '.' or '..'.", nameof(path));
        }

        Name = name;
        Variables = variables;
    }

    /// <summary>The group that holds <c>vars</c>, without leading or trailing slashes; empty for the model.</summary>
    public string Path { get; }

    /// <summary>The object's name (the <c>vars</c> group's <c>name</c> attribute), or null when the file has none.</summary>
    public string? Name { get; }

    /// <summary>The variables in Keras's order (trainable, then non-trainable, in creation order).</summary>
    public IReadOnlyList<KerasVariable> Variables { get; }

    /// <summary>The file this group was read from; empty for a group built in memory. Used in error messages.</summary>
    public string SourceFile { get; internal set; } = string.Empty;

    /// <summary>The HDF5 path of variable <paramref name="index"/>, e.g. <c>layers/dense/vars/0</c>.</summary>
    public string VariablePath(int index) => (Path.Length == 0 ? "vars/" : Path + "/vars/") + index;

    /// <summary>
    /// The values of float32 variable <paramref name="index"/>, checked against the shape the model
    /// expects. Fails with a <see cref="ModelFileException"/> naming the file, the variable, the expected
    /// and the stored shape and dtype.
    /// </summary>
    public ReadOnlySpan<float> Float32(int index, ReadOnlySpan<int> expectedShape)
    {
        KerasVariable v = Expect(index, KerasDType.Float32, expectedShape);
        return v.AsFloat32();
    }

    /// <summary>Variable <paramref name="index"/>, checked to have <paramref name="dtype"/> and <paramref name="expectedShape"/>.</summary>
    /// <exception cref="ModelFileException">It is missing or differs; the message names both shapes and dtypes.</exception>
    public KerasVariable Expect(int index, KerasDType dtype, ReadOnlySpan<int> expectedShape)
    {
        string expected = KerasVariable.DTypeName(dtype) + " " + KerasVariable.FormatShape(expectedShape.ToArray());
        if (index < 0 || index >= Variables.Count)
        {
            throw new ModelFileException(SourceFile, VariablePath(index), $"is missing: the model expects {expected} here, but '{(Path.Length == 0 ? "/" : Path)}' stores {Variables.Count} variables. The file was saved from a different model");
        }

        KerasVariable v = Variables[index];
        bool same = v.DType == dtype && v.Shape.Count == expectedShape.Length;
        for (int i = 0; same && i < expectedShape.Length; i++)
        {
            same = v.Shape[i] == expectedShape[i];
        }

        if (!same)
        {
            throw new ModelFileException(SourceFile, VariablePath(index), $"is {KerasVariable.DTypeName(v.DType)} {KerasVariable.FormatShape(v.Shape)} but the model expects {expected}. The file was saved from a different model (or a different layer order)");
        }

        return v;
    }
}

/// <summary>A layer's variables, saved at <c>layers/&lt;key&gt;/vars</c>.</summary>
public sealed class LayerVariables : VariableGroup
{
    /// <summary>Creates a layer's variables.</summary>
    /// <param name="key">Keras's key for the layer: its snake-cased class name made unique (<c>dense</c>, <c>dense_1</c>), or a nested path (<c>bidirectional/forward_layer/cell</c>); not the layer's own name.</param>
    /// <param name="name">The layer's name (<c>vars</c>' <c>name</c> attribute), or null.</param>
    /// <param name="variables">Trainable, then non-trainable variables, in creation order.</param>
    public LayerVariables(string key, string? name, IReadOnlyList<KerasVariable> variables)
        : base("layers/" + key.Trim('/'), name, variables)
    {
        Key = key.Trim('/');
    }

    /// <summary>The layer's key below <c>layers/</c>.</summary>
    public string Key { get; }
}

/// <summary>The optimizer's variables, saved at <c>optimizer/vars</c>: Keras 3 stores the iteration count (int64) and the learning rate first, then the slots per trainable variable.</summary>
public sealed class OptimizerVariables : VariableGroup
{
    /// <summary>Creates the optimizer's variables.</summary>
    /// <param name="name">The optimizer's name (<c>adam</c>, <c>rmsprop</c>), or null.</param>
    /// <param name="variables">Keras 3's order: iterations, learning rate, then the slots.</param>
    public OptimizerVariables(string? name, IReadOnlyList<KerasVariable> variables)
        : base("optimizer", name, variables)
    {
    }

    /// <summary>The iteration count: variable 0 when it is an int64 scalar, as Keras 3 writes it.</summary>
    /// <exception cref="ModelFileException">Variable 0 is missing or not an int64 scalar.</exception>
    public long Iterations => Expect(0, KerasDType.Int64, ReadOnlySpan<int>.Empty).AsInt64()[0];
}

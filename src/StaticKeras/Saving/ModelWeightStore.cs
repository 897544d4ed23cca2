using System;
using System.Collections.Generic;

namespace StaticKeras.Saving;

/// <summary>
/// Moves a model's state to and from Keras's files: Keras 3 weights files (every layer's
/// <c>vars</c> at the key the generator planned, the optimizer's variables under <c>optimizer</c>,
/// StaticKeras's random streams under <c>statickeras</c>, which Keras ignores) and legacy Keras 2
/// files (weights matched to the layers that have them, in order, as Keras 2's <c>load_weights</c>).
/// Reading checks every group, count, shape and dtype before anything is applied.
/// </summary>
internal static class ModelWeightStore
{
    /// <summary>The group StaticKeras keeps its own state in: the random streams' states (uint32, one row per stream).</summary>
    public const string StatePath = "statickeras";

    /// <summary>A snapshot of the model as a Keras 3 weights file's contents (copies, so the file can be written outside the gate).</summary>
    /// <param name="definition">The model.</param>
    /// <param name="parameters">Its parameter buffer.</param>
    /// <param name="optimizer">Its optimizer, whose variables are saved when it has any.</param>
    /// <param name="streams">Its random streams (shuffle first).</param>
    /// <param name="epoch">For a checkpoint: the epochs completed, saved in the same atomic write as the weights; null otherwise.</param>
    public static KerasWeights Capture(ModelDefinition definition, ReadOnlySpan<float> parameters, Optimizer? optimizer, IReadOnlyList<SeededRandom> streams, long? epoch = null)
    {
        CheckHasGroups(definition);
        var layers = new List<LayerVariables>();
        foreach (KerasGroupDefinition group in definition.KerasGroups)
        {
            var variables = new List<KerasVariable>(group.Weights.Length);
            for (int i = 0; i < group.Weights.Length; i++)
            {
                WeightDefinition w = definition.Weights[group.Weights[i]];
                variables.Add(KerasVariable.Float32(i.ToString(System.Globalization.CultureInfo.InvariantCulture), w.Shape, parameters.Slice(w.Offset, w.Size).ToArray()));
            }

            layers.Add(new LayerVariables(group.Path.Substring("layers/".Length), group.Name, variables));
        }

        OptimizerVariables? saved = optimizer is { Variables.Count: > 0 } ? new OptimizerVariables(optimizer.Name, OptimizerVariablesOf(optimizer)) : null;
        var states = new uint[streams.Count * SeededRandom.StateLength];
        for (int i = 0; i < streams.Count; i++)
        {
            streams[i].SaveState(states.AsSpan(i * SeededRandom.StateLength, SeededRandom.StateLength));
        }

        var state = new List<KerasVariable> { KerasVariable.UInt32("0", [streams.Count, SeededRandom.StateLength], states) };
        if (epoch is { } completed)
        {
            state.Add(KerasVariable.Int64("1", [], new[] { completed }));
        }

        var others = new[] { new VariableGroup(StatePath, "random_streams", state) };
        return new KerasWeights(layers, saved, LayerNamingModelName(definition), others);
    }

    /// <summary>Checks a Keras 3 file against the model and returns what to apply.</summary>
    /// <exception cref="ModelFileException">A group is missing or extra, or a variable has another count, shape or dtype.</exception>
    public static ModelState Read(ModelDefinition definition, KerasWeights file, Optimizer? optimizer, int streamCount)
    {
        CheckHasGroups(definition);
        var state = new ModelState();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (KerasGroupDefinition group in definition.KerasGroups)
        {
            string key = group.Path.Substring("layers/".Length);
            LayerVariables? stored = Find(file, key);
            if (stored is null && group.Weights.Length == 0)
            {
                continue; // Keras reads a missing weightless layer as empty, and so do we.
            }

            stored ??= file.Layer(key); // throws, listing the keys the file has
            used.Add(key);
            if (stored.Variables.Count != group.Weights.Length)
            {
                throw new ModelFileException(file.SourceFile, stored.Path + "/vars", $"holds {stored.Variables.Count} variables, but layer '{group.Name}' of the model has {group.Weights.Length} ({string.Join(", ", WeightNames(definition, group))}). The file was saved from a different model");
            }

            for (int i = 0; i < group.Weights.Length; i++)
            {
                WeightDefinition w = definition.Weights[group.Weights[i]];
                state.Weights.Add((w.Offset, stored.Float32(i, w.Shape).ToArray()));
            }
        }

        foreach (LayerVariables layer in file.Layers)
        {
            if (!used.Contains(layer.Key) && layer.Variables.Count > 0)
            {
                throw new ModelFileException(file.SourceFile, layer.Path, $"holds {layer.Variables.Count} variables, but the model has no layer saved under '{layer.Key}' (it has {string.Join(", ", Keys(definition))}). The file was saved from a different model");
            }
        }

        state.Optimizer = file.Optimizer is { } opt && optimizer is { Variables.Count: > 0 } ? ReadOptimizer(opt, optimizer) : null;
        state.RandomStates = ReadStreams(file, streamCount);
        return state;
    }

    /// <summary>Checks a legacy Keras 2 file against the model: the layers with weights, in order, as Keras 2's <c>load_weights</c> matches them.</summary>
    /// <exception cref="ModelFileException">The counts of layers or weights differ, or a shape or dtype does.</exception>
    public static ModelState ReadLegacy(ModelDefinition definition, LegacyKerasModel file)
    {
        CheckHasGroups(definition);
        List<(string Name, List<int> Weights)> expected = LegacyLayers(definition);
        var stored = new List<LayerVariables>();
        foreach (LayerVariables layer in file.Layers)
        {
            if (layer.Variables.Count > 0)
            {
                stored.Add(layer);
            }
        }

        if (stored.Count != expected.Count)
        {
            throw new ModelFileException(file.SourceFile, "/", $"has {stored.Count} layers with weights ({string.Join(", ", stored.ConvertAll(l => l.Key))}), but model '{definition.Name}' has {expected.Count} ({string.Join(", ", expected.ConvertAll(l => l.Name))}). The file was saved from a different model");
        }

        var state = new ModelState();
        for (int k = 0; k < expected.Count; k++)
        {
            (string name, List<int> weights) = expected[k];
            LayerVariables layer = stored[k];
            if (layer.Variables.Count != weights.Count)
            {
                throw new ModelFileException(file.SourceFile, layer.Key, $"holds {layer.Variables.Count} weights ({string.Join(", ", VariableNames(layer))}), but layer '{name}' of the model has {weights.Count}. The file was saved from a different model");
            }

            for (int i = 0; i < weights.Count; i++)
            {
                WeightDefinition w = definition.Weights[weights[i]];
                state.Weights.Add((w.Offset, LegacyValues(file, layer, i, w)));
            }
        }

        return state;
    }

    private static float[] LegacyValues(LegacyKerasModel file, LayerVariables layer, int index, WeightDefinition w)
    {
        KerasVariable v = layer.Variables[index];
        bool sameShape = v.Shape.Count == w.Shape.Length;
        for (int d = 0; sameShape && d < w.Shape.Length; d++)
        {
            sameShape = v.Shape[d] == w.Shape[d];
        }

        if (!sameShape || v.DType != KerasDType.Float32)
        {
            throw new ModelFileException(file.SourceFile, layer.Key + "/" + v.Name, $"is {KerasVariable.DTypeName(v.DType)} {KerasVariable.FormatShape(v.Shape)} but the model's {w.Path} is float32 {KerasVariable.FormatShape(w.Shape)}. The file was saved from a different model (or a different layer order)");
        }

        return v.AsFloat32().ToArray();
    }

    /// <summary>The top-level layers with weights, each with every weight under it (a block's inner layers' too), as Keras 2 lists a nested model.</summary>
    private static List<(string Name, List<int> Weights)> LegacyLayers(ModelDefinition definition)
    {
        var layers = new List<(string, List<int>)>();
        foreach (KerasGroupDefinition group in definition.KerasGroups)
        {
            int depth = group.Path.Split('/').Length;
            if (depth == 2)
            {
                layers.Add((group.Name, new List<int>(group.Weights)));
            }
            else if (layers.Count > 0)
            {
                layers[^1].Item2.AddRange(group.Weights);
            }
        }

        return layers.FindAll(l => l.Item2.Count > 0);
    }

    private static List<KerasVariable> ReadOptimizer(OptimizerVariables stored, Optimizer optimizer)
    {
        IReadOnlyList<OptimizerVariable> expected = optimizer.Variables;
        if (stored.Variables.Count != expected.Count)
        {
            throw new ModelFileException(stored.SourceFile, "optimizer/vars", $"holds {stored.Variables.Count} variables, but the model's optimizer '{optimizer.Name}' has {expected.Count} ({string.Join(", ", Names(expected))}). Compile the model with the optimizer the file was saved with (its name in the file: {stored.Name ?? "not recorded"})");
        }

        var result = new List<KerasVariable>(expected.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            result.Add(expected[i].IsInteger ? stored.Expect(i, KerasDType.Int64, []) : stored.Expect(i, KerasDType.Float32, expected[i].Shape));
        }

        return result;
    }

    /// <summary>The epochs a checkpoint file had completed (<c>statickeras/vars/1</c>), or null when it is not a checkpoint.</summary>
    public static long? CheckpointEpoch(KerasWeights file)
    {
        foreach (VariableGroup group in file.Others)
        {
            if (group.Path == StatePath && group.Variables.Count > 1)
            {
                long epoch = group.Expect(1, KerasDType.Int64, []).AsInt64()[0];
                return epoch >= 0 ? epoch : throw new ModelFileException(file.SourceFile, group.VariablePath(1), $"is {epoch}, but a count of completed epochs cannot be negative; the file is corrupted");
            }
        }

        return null;
    }

    private static uint[]? ReadStreams(KerasWeights file, int streamCount)
    {
        foreach (VariableGroup group in file.Others)
        {
            if (group.Path == StatePath)
            {
                KerasVariable v = group.Expect(0, KerasDType.UInt32, [streamCount, SeededRandom.StateLength]);
                uint[] states = v.AsUInt32().ToArray();
                for (int i = 0; i < streamCount; i++)
                {
                    if ((states[4 * i] | states[(4 * i) + 1] | states[(4 * i) + 2] | states[(4 * i) + 3]) == 0)
                    {
                        throw new ModelFileException(file.SourceFile, group.VariablePath(0), $"row {i} is all zero, which no random stream can be in; the file is corrupted");
                    }
                }

                return states;
            }
        }

        return null;
    }

    private static List<KerasVariable> OptimizerVariablesOf(Optimizer optimizer)
    {
        var variables = new List<KerasVariable>(optimizer.Variables.Count);
        for (int i = 0; i < optimizer.Variables.Count; i++)
        {
            OptimizerVariable v = optimizer.Variables[i];
            string name = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            variables.Add(v.IsInteger ? KerasVariable.Int64(name, [], new[] { v.IntegerValue }) : KerasVariable.Float32(name, v.Shape, v.Values.ToArray()));
        }

        return variables;
    }

    private static LayerVariables? Find(KerasWeights file, string key)
    {
        foreach (LayerVariables layer in file.Layers)
        {
            if (layer.Key == key)
            {
                return layer;
            }
        }

        return null;
    }

    private static void CheckHasGroups(ModelDefinition definition)
    {
        if (definition.KerasConfig is null)
        {
            throw new InvalidOperationException($"Model '{definition.Name}' was generated without its Keras layout, so it cannot read or write Keras files. Rebuild it with the current StaticKeras generator.");
        }
    }

    private static string LayerNamingModelName(ModelDefinition definition) => KerasNaming.ToSnakeCase(definition.Name);

    private static IEnumerable<string> WeightNames(ModelDefinition definition, KerasGroupDefinition group)
    {
        foreach (int i in group.Weights)
        {
            yield return definition.Weights[i].Path;
        }
    }

    private static IEnumerable<string> Keys(ModelDefinition definition)
    {
        foreach (KerasGroupDefinition group in definition.KerasGroups)
        {
            yield return group.Path.Substring("layers/".Length);
        }
    }

    private static IEnumerable<string> Names(IReadOnlyList<OptimizerVariable> variables)
    {
        foreach (OptimizerVariable v in variables)
        {
            yield return v.Name;
        }
    }

    private static IEnumerable<string> VariableNames(LayerVariables layer)
    {
        foreach (KerasVariable v in layer.Variables)
        {
            yield return v.Name;
        }
    }
}

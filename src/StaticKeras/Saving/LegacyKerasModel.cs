using System;
using System.Collections.Generic;

namespace StaticKeras.Saving;

/// <summary>
/// What a legacy Keras 2 HDF5 file holds: whole-model files (<c>model.save("m.h5")</c>) carry the model
/// and training configs and their weights under <c>model_weights</c>; weights-only files
/// (<c>save_weights("w.h5")</c>) carry the weights at the root.
/// </summary>
public sealed class LegacyKerasModel
{
    /// <summary>Creates the contents of a legacy file.</summary>
    /// <param name="layers">Each layer's weights, keyed by the layer's name, in <c>layer_names</c> order, each ordered by its <c>weight_names</c>.</param>
    /// <param name="modelConfig">The <c>model.to_json()</c> text, or null for a weights-only file.</param>
    /// <param name="trainingConfig">The training config JSON, or null.</param>
    /// <param name="kerasVersion">The Keras version that wrote the file.</param>
    /// <param name="backend">The backend that wrote the file (<c>tensorflow</c>).</param>
    /// <param name="optimizer">The optimizer's weights (<c>optimizer_weights</c>), or null.</param>
    public LegacyKerasModel(IReadOnlyList<LayerVariables> layers, string? modelConfig = null, string? trainingConfig = null, string? kerasVersion = null, string? backend = null, OptimizerVariables? optimizer = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        Layers = layers;
        ModelConfig = modelConfig;
        TrainingConfig = trainingConfig;
        KerasVersion = kerasVersion;
        Backend = backend;
        Optimizer = optimizer;
    }

    /// <summary>The layers in the file's <c>layer_names</c> order; <see cref="LayerVariables.Key"/> is the layer's name, each variable's name its weight name (<c>dense_1/kernel:0</c>).</summary>
    public IReadOnlyList<LayerVariables> Layers { get; }

    /// <summary>The <c>model_config</c> attribute (the JSON of <c>model.to_json()</c>), or null in a weights-only file.</summary>
    public string? ModelConfig { get; }

    /// <summary>The <c>training_config</c> attribute (loss, metrics, optimizer config as JSON), or null.</summary>
    public string? TrainingConfig { get; }

    /// <summary>The <c>keras_version</c> attribute, or null.</summary>
    public string? KerasVersion { get; }

    /// <summary>The <c>backend</c> attribute, or null.</summary>
    public string? Backend { get; }

    /// <summary>The <c>optimizer_weights</c> group's weights in its <c>weight_names</c> order, or null.</summary>
    public OptimizerVariables? Optimizer { get; }

    /// <summary>The file this was read from; empty when built in memory.</summary>
    public string SourceFile { get; internal set; } = string.Empty;

    /// <summary>The layer named <paramref name="name"/>.</summary>
    /// <exception cref="ModelFileException">There is none; the message lists the layers there are.</exception>
    public LayerVariables Layer(string name)
    {
        var names = new List<string>();
        foreach (LayerVariables l in Layers)
        {
            if (l.Key == name)
            {
                return l;
            }

            names.Add(l.Key);
        }

        throw new ModelFileException(SourceFile, name, $"is missing: the file's layers are {string.Join(", ", names)}");
    }
}

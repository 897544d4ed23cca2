using System;
using System.Collections.Generic;
using System.IO;

namespace StaticKeras;

/// <summary>
/// Keras's <c>ModelCheckpoint</c> (keras/src/callbacks/model_checkpoint.py): saves the model (a
/// <c>.keras</c> archive) or its weights (<c>.weights.h5</c>) after every epoch or every
/// <see cref="SaveFrequency"/> batches, to a path that may name the epoch and logged values
/// (<c>"ckpt-{epoch:02d}-{val_loss:.2f}.keras"</c>); with <see cref="SaveBestOnly"/> only when the
/// monitored value improved. Every write is atomic, so an interrupted save keeps the previous file.
/// </summary>
public sealed class ModelCheckpoint : MonitorCallback
{
    private readonly Dictionary<string, double> fields = new(StringComparer.Ordinal);
    private int currentEpoch;
    private int batchesSinceSave;
    private int? lastBatch;

    /// <summary>Creates the callback with Keras's defaults.</summary>
    /// <param name="filepath">Where to save; <c>{epoch:02d}</c>, <c>{batch}</c> and <c>{name:spec}</c> of logged values are filled in. Must end in <c>.keras</c> (or <c>.weights.h5</c> with <paramref name="saveWeightsOnly"/>).</param>
    /// <param name="monitor">The logged value <paramref name="saveBestOnly"/> watches.</param>
    /// <param name="verbose">1 prints a line per save.</param>
    /// <param name="saveBestOnly">Save only when <paramref name="monitor"/> improved.</param>
    /// <param name="saveWeightsOnly">Save the weights (<c>SaveWeights</c>) instead of the whole model (<c>Save</c>).</param>
    /// <param name="mode"><c>"auto"</c>, <c>"min"</c> or <c>"max"</c>.</param>
    /// <param name="saveFrequency">Save every this many batches; null (Keras's <c>"epoch"</c>) for after each epoch.</param>
    /// <param name="initialValueThreshold">With <paramref name="saveBestOnly"/>: the value to beat first.</param>
    /// <exception cref="ArgumentException">The path's extension does not fit, or <paramref name="saveFrequency"/> is below 1.</exception>
    public ModelCheckpoint(string filepath, string monitor = "val_loss", int verbose = 0, bool saveBestOnly = false, bool saveWeightsOnly = false, string mode = "auto", int? saveFrequency = null, double? initialValueThreshold = null)
        : base(monitor, mode, 0)
    {
        ArgumentNullException.ThrowIfNull(filepath);
        if (saveWeightsOnly && !filepath.EndsWith(".weights.h5", StringComparison.Ordinal))
        {
            throw new ArgumentException($"When saveWeightsOnly is true, the filepath must end in .weights.h5 (Keras's weights format); got \"{filepath}\".", nameof(filepath));
        }

        if (!saveWeightsOnly && !filepath.EndsWith(".keras", StringComparison.Ordinal))
        {
            throw new ArgumentException($"The filepath must end in .keras (Keras's model format), or use saveWeightsOnly with .weights.h5; got \"{filepath}\".", nameof(filepath));
        }

        if (saveFrequency is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(saveFrequency), saveFrequency, "saveFrequency must be at least 1 batch, or null to save after every epoch.");
        }

        Filepath = filepath;
        Verbose = verbose;
        SaveBestOnly = saveBestOnly;
        SaveWeightsOnly = saveWeightsOnly;
        SaveFrequency = saveFrequency;
        Best = initialValueThreshold;
    }

    /// <summary>The path pattern.</summary>
    public string Filepath { get; }

    /// <summary>1 prints a line per save, as Keras.</summary>
    public int Verbose { get; }

    /// <summary>Save only when the monitored value improved.</summary>
    public bool SaveBestOnly { get; }

    /// <summary>Save only the weights.</summary>
    public bool SaveWeightsOnly { get; }

    /// <summary>Batches between saves; null for once per epoch.</summary>
    public int? SaveFrequency { get; }

    /// <summary>The path of the last save, or null before the first.</summary>
    public string? LastSavedPath { get; private set; }

    /// <inheritdoc/>
    public override void OnEpochBegin(int epoch) => currentEpoch = epoch;

    /// <inheritdoc/>
    public override void OnTrainBatchEnd(int batch, IReadOnlyDictionary<string, double> logs)
    {
        if (SaveFrequency is not { } frequency)
        {
            return;
        }

        // Keras's _should_save_on_batch: batches counted across epochs.
        batchesSinceSave += lastBatch is not { } last || batch <= last ? batch + 1 : batch - last;
        lastBatch = batch;
        if (batchesSinceSave >= frequency)
        {
            batchesSinceSave = 0;
            SaveModel(currentEpoch, batch, logs);
        }
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs)
    {
        if (SaveFrequency is null)
        {
            SaveModel(epoch, null, logs);
        }
    }

    private void SaveModel(int epoch, int? batch, IReadOnlyDictionary<string, double> logs)
    {
        fields.Clear();
        foreach (KeyValuePair<string, double> entry in logs)
        {
            fields[entry.Key] = entry.Value;
        }

        fields["epoch"] = epoch + 1;
        if (batch is { } b)
        {
            fields["batch"] = b + 1;
        }

        string path = CheckpointPath.Format(Filepath, fields);
        if (!ShouldSave(epoch, logs, path))
        {
            return;
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        if (SaveWeightsOnly)
        {
            Model!.SaveWeights(path);
        }
        else
        {
            Model!.Save(path);
        }

        LastSavedPath = path;
        if (Verbose > 0)
        {
            Output.WriteLine($"\nEpoch {epoch + 1}: finished saving model to {path}");
        }
    }

    private bool ShouldSave(int epoch, IReadOnlyDictionary<string, double> logs, string path)
    {
        if (!SaveBestOnly)
        {
            if (Verbose > 0)
            {
                Output.WriteLine($"\nEpoch {epoch + 1}: saving model to {path}");
            }

            return true;
        }

        if (MonitorValue(logs) is not { } current)
        {
            return true; // Keras warns and saves.
        }

        string best = Best is { } b ? b.ToString("F5", System.Globalization.CultureInfo.InvariantCulture) : "None";
        if (IsImprovement(current, Best))
        {
            if (Verbose > 0)
            {
                Output.WriteLine($"\nEpoch {epoch + 1}: {Monitor} improved from {best} to {current.ToString("F5", System.Globalization.CultureInfo.InvariantCulture)}, saving model to {path}");
            }

            Best = current;
            return true;
        }

        if (Verbose > 0)
        {
            Output.WriteLine($"\nEpoch {epoch + 1}: {Monitor} did not improve from {best}");
        }

        return false;
    }
}

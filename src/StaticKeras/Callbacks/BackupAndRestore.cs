using System;
using System.IO;

namespace StaticKeras;

/// <summary>
/// Keras's <c>BackupAndRestore</c> (keras/src/callbacks/backup_and_restore.py): backs training up
/// into <see cref="BackupDirectory"/> after every epoch (or every <see cref="SaveFrequency"/>
/// batches), and when <c>Fit</c> starts with a backup there, restores it and resumes at the epoch
/// after the last one backed up, so a killed process picks up where it stopped. A backup at an
/// epoch's end resumes bit for bit (weights, optimizer state, the dropout and shuffle streams);
/// one taken mid-epoch resumes that epoch from its start, as Keras does. The weights and the epoch
/// count are one atomic write (Keras writes them as two files, so a crash between them could
/// repeat an epoch); <c>training_metadata.json</c> is also written, as Keras reads it.
/// </summary>
public sealed class BackupAndRestore : Callback
{
    private int currentEpoch;
    private int batchesSinceSave;
    private int lastBatch;

    /// <summary>Creates the callback.</summary>
    /// <param name="backupDirectory">Where the backup lives; created when needed.</param>
    /// <param name="saveFrequency">Back up every this many batches; null (Keras's <c>"epoch"</c>) for after each epoch.</param>
    /// <param name="deleteCheckpoint">Delete the backup when training ends normally, as Keras does by default.</param>
    public BackupAndRestore(string backupDirectory, int? saveFrequency = null, bool deleteCheckpoint = true)
    {
        if (string.IsNullOrEmpty(backupDirectory))
        {
            throw new ArgumentException("BackupAndRestore needs a backup directory; got an empty one.", nameof(backupDirectory));
        }

        if (saveFrequency is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(saveFrequency), saveFrequency, "saveFrequency must be at least 1 batch, or null to back up after every epoch.");
        }

        BackupDirectory = backupDirectory;
        SaveFrequency = saveFrequency;
        DeleteCheckpoint = deleteCheckpoint;
    }

    /// <summary>The backup's folder.</summary>
    public string BackupDirectory { get; }

    /// <summary>Batches between backups; null for once per epoch.</summary>
    public int? SaveFrequency { get; }

    /// <summary>Whether the backup is deleted when training ends.</summary>
    public bool DeleteCheckpoint { get; }

    /// <summary>The backup file: <c>latest.weights.h5</c>, as Keras names it.</summary>
    public string WeightsPath => Path.Combine(BackupDirectory, "latest.weights.h5");

    /// <summary>The epoch training resumed at, or null when no backup was found.</summary>
    public int? RestoredEpoch { get; private set; }

    /// <inheritdoc/>
    public override void OnTrainBegin()
    {
        RestoredEpoch = null;
        if (!File.Exists(WeightsPath))
        {
            return;
        }

        Model model = Model!;
        if (!model.IsCompiled)
        {
            throw new InvalidOperationException($"BackupAndRestore found a backup in {BackupDirectory}, but model '{model.Name}' is not compiled, so its optimizer state cannot be restored. Compile it before Fit.");
        }

        currentEpoch = model.LoadCheckpoint(WeightsPath);
        model.ResumeEpoch = currentEpoch;
        RestoredEpoch = currentEpoch;
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(int epoch, System.Collections.Generic.IReadOnlyDictionary<string, double> logs)
    {
        currentEpoch = epoch + 1;
        lastBatch = 0;
        if (SaveFrequency is null)
        {
            Backup();
        }
    }

    /// <inheritdoc/>
    public override void OnTrainBatchEnd(int batch, System.Collections.Generic.IReadOnlyDictionary<string, double> logs)
    {
        if (SaveFrequency is not { } frequency)
        {
            return;
        }

        batchesSinceSave += batch <= lastBatch ? batch + 1 : batch - lastBatch;
        lastBatch = batch;
        if (batchesSinceSave >= frequency)
        {
            batchesSinceSave = 0;
            Backup();
        }
    }

    /// <inheritdoc/>
    public override void OnTrainEnd()
    {
        if (DeleteCheckpoint && Directory.Exists(BackupDirectory))
        {
            Directory.Delete(BackupDirectory, recursive: true);
        }
    }

    private void Backup()
    {
        Directory.CreateDirectory(BackupDirectory);
        Model!.SaveCheckpoint(WeightsPath, currentEpoch);
        string metadata = $"{{\"epoch\": {currentEpoch}, \"batch\": {lastBatch}}}";
        Saving.AtomicFile.Write(Path.Combine(BackupDirectory, "training_metadata.json"), s => s.Write(System.Text.Encoding.UTF8.GetBytes(metadata)));
    }
}

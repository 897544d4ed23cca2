using System;
using System.Collections.Generic;
using System.IO;
using StaticKeras.Saving;

namespace StaticKeras;

public abstract partial class Model
{
    /// <summary>
    /// Keras's <c>save_weights</c>: writes a Keras 3 weights file (<c>m.weights.h5</c>), which Python's
    /// <c>model.load_weights</c> reads into the same model: every layer's weights and non-trainable
    /// state at Keras's keys, the optimizer's variables when compiled, and the random streams (dropout,
    /// shuffling) under a <c>statickeras</c> group Keras ignores, so a later <see cref="LoadWeights(string)"/>
    /// resumes training bit for bit. The write is atomic: a crash leaves the previous file.
    /// </summary>
    /// <param name="path">The file to write, by Keras's convention ending in <c>.weights.h5</c>.</param>
    public void SaveWeights(string path) => SaveWeights(path, null);

    /// <summary>
    /// Keras's <c>load_weights</c>: reads a Keras 3 weights file, a <c>.keras</c> archive's weights, or
    /// a legacy Keras 2 <c>.h5</c> file (whole model or weights-only; matched to the layers that have
    /// weights, in order, as Keras 2 does). Restores the optimizer's variables when the model is
    /// compiled and the file has them, and the random streams when the file is one StaticKeras wrote.
    /// Everything is checked first: on any error the model is unchanged.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <exception cref="ModelFileException">The file is truncated, corrupted or of another model; names the file, the weight and what was expected.</exception>
    public void LoadWeights(string path) => LoadWeights(FileBytes.ReadAll(path), Path.GetFileName(path));

    /// <summary>As <see cref="LoadWeights(string)"/>, from a file's bytes in memory (an embedded resource); <paramref name="name"/> names it in errors.</summary>
    /// <param name="data">The file's bytes.</param>
    /// <param name="name">The file's name, for messages.</param>
    public void LoadWeights(byte[] data, string name)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(name);
        Apply(ReadState(data, name, checkConfig: false));
    }

    /// <summary>
    /// Keras's <c>model.save("m.keras")</c>: a Keras 3 archive whose <c>config.json</c> has every layer's
    /// Keras class and config (and <c>compile_config</c> when compiled), so Python's
    /// <c>keras.models.load_model</c> opens it; the weights as <see cref="SaveWeights(string)"/> writes them. Atomic.
    /// </summary>
    /// <param name="path">The archive to write (<c>.keras</c>).</param>
    public void Save(string path) => Save(path, null);

    /// <summary>
    /// Loads a <c>.keras</c> archive into this declared model: checks that its config matches the
    /// declaration (naming the first difference: the layer, the argument, the file's and the declared
    /// value), then loads its weights as <see cref="LoadWeights(string)"/> does. On any error the model is unchanged.
    /// </summary>
    /// <param name="path">The archive.</param>
    /// <exception cref="ModelFileException">The archive is unreadable or holds a different model.</exception>
    public void Load(string path) => Apply(ReadState(FileBytes.ReadAll(path), Path.GetFileName(path), checkConfig: true));

    /// <summary>
    /// Set by <see cref="BackupAndRestore"/> when it restores a backup: the epoch the next <c>Fit</c>
    /// starts from instead of its <c>initialEpoch</c> (Keras's <c>model._initial_epoch</c>).
    /// </summary>
    internal int? ResumeEpoch { get; set; }

    /// <summary>Writes a checkpoint: <see cref="SaveWeights(string)"/> plus the epochs completed, in one atomic write.</summary>
    internal void SaveCheckpoint(string path, int epochsCompleted)
    {
        KerasWeights weights = CaptureWeights(epochsCompleted);
        AtomicFile.Write(path, stream => KerasWeightsFile.Write(stream, weights));
    }

    /// <summary>Loads a checkpoint as <see cref="LoadWeights(string)"/> does and returns the epochs it had completed (0 when it does not say).</summary>
    internal int LoadCheckpoint(string path)
    {
        byte[] data = FileBytes.ReadAll(path);
        string name = Path.GetFileName(path);
        KerasWeights file = KerasWeightsFile.Read(data, name);
        long epoch = ModelWeightStore.CheckpointEpoch(file) ?? 0;
        Apply(ModelWeightStore.Read(Definition, file, Optimizer, randomStreams.Length + 1));
        return (int)Math.Min(epoch, int.MaxValue);
    }

    /// <summary><see cref="SaveWeights(string)"/> with a hook after each stage of the atomic write (tests simulate crashes with it).</summary>
    internal void SaveWeights(string path, Action<AtomicWriteStage>? afterStage)
    {
        KerasWeights weights = CaptureWeights();
        AtomicFile.Write(path, stream => KerasWeightsFile.Write(stream, weights), afterStage);
    }

    /// <summary><see cref="Save(string)"/> with a hook after each stage of the atomic write.</summary>
    internal void Save(string path, Action<AtomicWriteStage>? afterStage)
    {
        KerasWeights weights = CaptureWeights();
        var archive = new KerasArchive(CompileConfig.ConfigJson(Definition.KerasConfig ?? "{}", Optimizer, Loss, metrics), weights);
        AtomicFile.Write(path, archive.Write, afterStage);
    }

    /// <summary>Every random stream a checkpoint restores: Fit's shuffle stream, then the layers' streams.</summary>
    private IReadOnlyList<SeededRandom> CheckpointStreams()
    {
        var streams = new List<SeededRandom>(randomStreams.Length + 1) { ShuffleRandom };
        streams.AddRange(randomStreams);
        return streams;
    }

    /// <summary>A copy of the weights, optimizer variables and streams (and the epochs completed, for a checkpoint), taken while no training step runs.</summary>
    private KerasWeights CaptureWeights(long? epochsCompleted = null)
    {
        gate.EnterRead();
        try
        {
            return ModelWeightStore.Capture(Definition, Parameters, Optimizer, CheckpointStreams(), epochsCompleted);
        }
        finally
        {
            gate.ExitRead();
        }
    }

    /// <summary>Reads and checks a file of any supported format into the state to apply; touches nothing.</summary>
    private ModelState ReadState(byte[] data, string name, bool checkConfig)
    {
        int streams = randomStreams.Length + 1;
        if (data.Length >= 4 && data[0] == (byte)'P' && data[1] == (byte)'K')
        {
            KerasArchive archive = KerasArchive.Read(data, name);
            if (checkConfig)
            {
                KerasConfigCheck.Check(name, archive.ConfigJson, Definition.KerasConfig ?? throw new InvalidOperationException($"Model '{Name}' has no Keras config to check against."), Name);
            }

            return ModelWeightStore.Read(Definition, archive.Weights, Optimizer, streams);
        }

        if (checkConfig)
        {
            throw new ModelFileException(name, "/", "is not a .keras archive (a zip); Load reads .keras files. Use LoadWeights for .weights.h5 and legacy .h5 files");
        }

        return IsLegacy(data, name)
            ? ModelWeightStore.ReadLegacy(Definition, LegacyKerasFile.Read(data, name))
            : ModelWeightStore.Read(Definition, KerasWeightsFile.Read(data, name), Optimizer, streams);
    }

    /// <summary>A legacy Keras 2 file lists its layers in <c>layer_names</c> (at the root or under <c>model_weights</c>).</summary>
    private static bool IsLegacy(byte[] data, string name) => FileBytes.Guard(name, () =>
    {
        Saving.Hdf5.H5Node root = Saving.Hdf5.H5Node.OpenRoot(data, name);
        return root.Member("model_weights") is not null || root.Attribute("layer_names") is not null;
    });

    /// <summary>Copies a checked state into the model, with predictions on other threads held off.</summary>
    private void Apply(ModelState state)
    {
        BeginWeightWrite();
        try
        {
            state.ApplyTo(Parameters, Optimizer, CheckpointStreams());
        }
        finally
        {
            EndWeightWrite();
        }
    }
}

using System.Diagnostics;
using StaticKeras.KerasFiles.Child;
using StaticKeras.KerasFiles.Tests.TestModels;

namespace StaticKeras.KerasFiles.Tests;

/// <summary>ModelCheckpoint's names and choices as Keras's; BackupAndRestore across a killed training process.</summary>
public sealed class CallbackTests
{
    [Fact]
    public void ModelCheckpoint_names_files_as_Keras_formats_them_and_keeps_only_improvements()
    {
        string dir = KerasData.NewFolder();
        (float[] x, int[] y) = TrainingData.Classes(80, 5, 3, seed: 2);
        var model = new ResumeMlp(seed: 1);
        model.Compile(new Adam(learningRate: 1e-2f), Losses.SparseCategoricalCrossentropy);
        var every = new ModelCheckpoint(Path.Combine(dir, "every-{epoch:02d}-{loss:.3f}.weights.h5"), saveWeightsOnly: true);
        var best = new ModelCheckpoint(Path.Combine(dir, "best.keras"), monitor: "val_loss", saveBestOnly: true, verbose: 1);
        var output = new StringWriter();

        History history = model.Fit(x, y, epochs: 3, batchSize: 16, verbose: 0, validationSplit: 0.25f, callbacks: [every, best], output: output);

        string[] expected = history.Epoch.Select((e, i) => $"every-{e + 1:00}-{history["loss"][i]:F3}.weights.h5").ToArray();
        Assert.Equal(expected.Order(), Directory.GetFiles(dir, "every-*").Select(Path.GetFileName).Order());
        double[] validation = history["val_loss"].ToArray();
        int improvements = validation.Select((v, i) => validation.Take(i).All(b => v < b)).Count(b => b);
        Assert.Equal(improvements, output.ToString().Split("improved from").Length - 1);
        var restored = new ResumeMlp(seed: 9);
        restored.Load(Path.Combine(dir, "best.keras"));
        var last = new ResumeMlp(seed: 9);
        last.LoadWeights(Path.Combine(dir, expected[^1]));
        Assert.Equal(TrainingData.Bits(model), TrainingData.Bits(last));
    }

    [Fact]
    public void ModelCheckpoint_with_a_batch_frequency_saves_every_n_batches()
    {
        string dir = KerasData.NewFolder();
        (float[] x, int[] y) = TrainingData.Classes(64, 5, 3, seed: 3);
        var model = new ResumeMlp(seed: 1);
        model.Compile(new SGD(), Losses.SparseCategoricalCrossentropy);
        var checkpoint = new ModelCheckpoint(Path.Combine(dir, "e{epoch}-b{batch}.weights.h5"), saveWeightsOnly: true, saveFrequency: 3);

        model.Fit(x, y, epochs: 2, batchSize: 16, verbose: 0, callbacks: [checkpoint]);

        // 4 batches an epoch, counted across epochs: after batches 3, 6 (epoch 2's second) and none more.
        Assert.Equal(["e1-b3.weights.h5", "e2-b2.weights.h5"], Directory.GetFiles(dir).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void ModelCheckpoint_rejects_a_path_Keras_would_reject()
    {
        Assert.Throws<ArgumentException>(() => new ModelCheckpoint("m.h5"));
        Assert.Throws<ArgumentException>(() => new ModelCheckpoint("m.keras", saveWeightsOnly: true));
        Assert.Throws<ArgumentException>(() => CheckpointPathFor("{nope}.keras"));
    }

    [Fact]
    public void BackupAndRestore_resumes_a_killed_training_process_where_it_stopped()
    {
        string dir = KerasData.NewFolder();
        string backup = Path.Combine(dir, "backup");
        string weights = Path.Combine(dir, "final.weights.h5");
        CheckpointMlp straight = CheckpointTraining.Train();

        using (Process killed = Start(backup, weights, stallAt: 3))
        {
            string? line = killed.StandardOutput.ReadLine();
            Assert.Equal("STALLED 3", line);
            killed.Kill(entireProcessTree: true);
            killed.WaitForExit();
        }

        Assert.True(File.Exists(Path.Combine(backup, "latest.weights.h5")));
        Assert.False(File.Exists(weights));
        using (Process resumed = Start(backup, weights, stallAt: -1))
        {
            string output = resumed.StandardOutput.ReadToEnd();
            resumed.WaitForExit();
            Assert.Equal(0, resumed.ExitCode);
            Assert.Contains("RESUMED AT 3", output);
        }

        var finished = new CheckpointMlp(seed: 1);
        finished.LoadWeights(weights);
        Assert.Equal(TrainingData.Bits(straight), TrainingData.Bits(finished));
        Assert.False(Directory.Exists(backup)); // deleted once training ended, as Keras does
    }

    private static Process Start(string backup, string weights, int stallAt)
    {
        string child = Path.Combine(AppContext.BaseDirectory, "StaticKeras.KerasFiles.Child.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in new[] { "exec", child, backup, weights, stallAt.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static string CheckpointPathFor(string pattern)
    {
        var checkpoint = new ModelCheckpoint(pattern);
        var model = new ResumeMlp(seed: 1);
        model.Compile(new SGD(), Losses.SparseCategoricalCrossentropy);
        (float[] x, int[] y) = TrainingData.Classes(16, 5, 3, seed: 3);
        model.Fit(x, y, epochs: 1, verbose: 0, callbacks: [checkpoint]);
        return checkpoint.LastSavedPath!;
    }
}

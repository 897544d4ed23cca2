using StaticKeras.IntegrationTests.TestModels;
using StaticKeras.Testing;

namespace StaticKeras.IntegrationTests.Fit;

/// <summary>The callbacks against Keras's behaviour (<c>keras/src/callbacks/*.py</c>), driven through Fit.</summary>
public sealed class CallbackTests
{
    private static (Residual Model, float[] X, float[] Y) Setup(float lr = 1e-3f)
    {
        var model = new Residual(seed: 5);
        model.Compile(new SGD(learningRate: lr), Losses.BinaryCrossentropy, [Metrics.Accuracy]);
        return (model, FiniteDifferences.Random(40 * 2, 4), Enumerable.Range(0, 40).Select(i => (float)(i % 2)).ToArray());
    }

    /// <summary>Logs fed to a callback epoch by epoch, as Fit would.</summary>
    private static void Feed(Callback callback, Model model, params double[] values)
    {
        callback.Model = model;
        callback.Output = TextWriter.Null;
        callback.OnTrainBegin();
        for (int e = 0; e < values.Length && !model.StopTraining; e++)
        {
            var logs = new TrainingLogs();
            logs.Set("val_loss", values[e]);
            callback.OnEpochEnd(e, logs);
        }

        callback.OnTrainEnd();
    }

    [Fact]
    public void Early_stopping_waits_patience_epochs_and_honours_min_delta_and_baseline()
    {
        var (model, _, _) = Setup();
        var stopping = new EarlyStopping(patience: 2, minDelta: 0.1);
        Feed(stopping, model, 1.0, 0.95, 0.5, 0.45, 0.44, 0.2);
        Assert.Equal(4, stopping.StoppedEpoch);
        model.StopTraining = false;
        // Keras: a first value that does not beat the baseline does not reset the wait.
        var baseline = new EarlyStopping(patience: 2, baseline: 0.3);
        Feed(baseline, model, 1, 1, 1, 1);
        Assert.Equal(1, baseline.StoppedEpoch);
        model.StopTraining = false;
        var plain = new EarlyStopping(patience: 2);
        Feed(plain, model, 1, 1, 1, 1);
        Assert.Equal(2, plain.StoppedEpoch);
        model.StopTraining = false;
        var late = new EarlyStopping(patience: 0, startFromEpoch: 3);
        Feed(late, model, 1, 2, 3, 4, 5);
        Assert.Equal(4, late.StoppedEpoch);
    }

    [Fact]
    public void Early_stopping_restores_the_best_weights_when_training_ends()
    {
        var (model, x, y) = Setup(lr: 0.5f);
        var weights = new List<float[]>();
        var record = new LambdaCallback { OnEpochEndAction = (_, _) => weights.Add(model.GetWeights().SelectMany(w => w).ToArray()) };
        var stopping = new EarlyStopping(monitor: "loss", patience: 1, restoreBestWeights: true);
        History history = model.Fit(x, y, epochs: 8, batchSize: 8, verbose: 0, callbacks: [record, stopping]);
        int best = history["loss"].Select((v, i) => (v, i)).MinBy(p => p.v).i;
        Assert.Equal(weights[best], model.GetWeights().SelectMany(w => w));
        Assert.Equal(best, stopping.BestEpoch);
    }

    [Fact]
    public void Auto_mode_reads_the_metric_direction_and_unknown_names_are_refused()
    {
        var (model, _, _) = Setup();
        var accuracy = new EarlyStopping(monitor: "val_accuracy", patience: 0);
        accuracy.Model = model;
        var logs = new TrainingLogs();
        logs.Set("val_accuracy", 0.5);
        accuracy.OnTrainBegin();
        accuracy.OnEpochEnd(0, logs);
        logs.Set("val_accuracy", 0.6);
        accuracy.OnEpochEnd(1, logs);
        Assert.False(model.StopTraining);
        var unknown = new EarlyStopping(monitor: "val_unknown") { Model = model };
        logs.Set("val_unknown", 1);
        Assert.Contains("mode: \"max\"", Assert.Throws<InvalidOperationException>(() => unknown.OnEpochEnd(0, logs)).Message);
    }

    [Fact]
    public void Reduce_lr_on_plateau_cuts_after_patience_then_cools_down()
    {
        var (model, _, _) = Setup(lr: 1f);
        var reduce = new ReduceLROnPlateau(patience: 1, factor: 0.5f, cooldown: 1, minLearningRate: 0.2f);
        Feed(reduce, model, 1, 1, 1, 1, 1, 1, 1);
        // Reductions at epochs 1, 3, 5 (cooldown skips one epoch after each), floored at 0.2.
        Assert.Equal(0.2f, model.Optimizer!.LearningRate);
        model.Optimizer.LearningRate = 1f;
        // As Keras: the cooldown ends in the same epoch it counts down to 0, so epoch 2 reduces again.
        Feed(new ReduceLROnPlateau(patience: 1, factor: 0.5f, cooldown: 1), model, 1, 1, 1);
        Assert.Equal(0.25f, model.Optimizer.LearningRate);
        model.Optimizer.LearningRate = 1f;
        Feed(new ReduceLROnPlateau(patience: 1, factor: 0.5f, cooldown: 2), model, 1, 1, 1);
        Assert.Equal(0.5f, model.Optimizer.LearningRate);
    }

    [Fact]
    public void Learning_rate_scheduler_sets_the_rate_per_epoch_and_logs_it()
    {
        var (model, x, y) = Setup();
        History history = model.Fit(x, y, epochs: 3, verbose: 0, callbacks: [new LearningRateScheduler((epoch, lr) => 0.1f / (epoch + 1))]);
        Assert.Equal([0.1f, 0.05f, 0.1f / 3], history["learning_rate"].Select(v => (float)v));
    }

    [Fact]
    public void Csv_logger_writes_keras_columns_and_appends()
    {
        var (model, x, y) = Setup();
        string path = Path.GetTempFileName();
        model.Fit(x, y, epochs: 2, verbose: 0, callbacks: [new CSVLogger(path)]);
        model.Fit(x, y, epochs: 1, verbose: 0, validationSplit: 0.25f, callbacks: [new CSVLogger(path, append: true)]);
        string[] lines = File.ReadAllLines(path);
        File.Delete(path);
        Assert.Equal("epoch,accuracy,loss,val_accuracy,val_loss", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("0,", lines[1]);
        Assert.EndsWith(",NA,NA", lines[2]);
        Assert.DoesNotContain("NA", lines[3]);
    }

    [Fact]
    public void Hooks_run_in_keras_order_including_validation_test_hooks()
    {
        var (model, x, y) = Setup();
        var recorder = new Recorder();
        model.Fit(x, y, epochs: 1, batchSize: 20, validationSplit: 0.5f, verbose: 0, callbacks: [recorder]);
        Assert.Equal(["train_begin", "epoch_begin 0", "batch_begin 0", "batch_end 0", "test_begin", "test_batch_begin 0", "test_batch_end 0", "test_end", "epoch_end 0", "train_end"], recorder.Calls);
    }

    private sealed class Recorder : Callback
    {
        public List<string> Calls { get; } = new();

        public override void OnTrainBegin() => Calls.Add("train_begin");

        public override void OnTrainEnd() => Calls.Add("train_end");

        public override void OnEpochBegin(int epoch) => Calls.Add($"epoch_begin {epoch}");

        public override void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs) => Calls.Add($"epoch_end {epoch}");

        public override void OnTrainBatchBegin(int batch) => Calls.Add($"batch_begin {batch}");

        public override void OnTrainBatchEnd(int batch, IReadOnlyDictionary<string, double> logs) => Calls.Add($"batch_end {batch}");

        public override void OnTestBegin() => Calls.Add("test_begin");

        public override void OnTestEnd(IReadOnlyDictionary<string, double> logs) => Calls.Add("test_end");

        public override void OnTestBatchBegin(int batch) => Calls.Add($"test_batch_begin {batch}");

        public override void OnTestBatchEnd(int batch, IReadOnlyDictionary<string, double> logs) => Calls.Add($"test_batch_end {batch}");
    }
}

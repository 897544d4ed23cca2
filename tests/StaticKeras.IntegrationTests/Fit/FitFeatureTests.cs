using StaticKeras.IntegrationTests.TestModels;
using StaticKeras.Testing;

namespace StaticKeras.IntegrationTests.Fit;

/// <summary>Fit's Keras arguments: class and sample weights, validation frequency, steps per epoch, cancellation, the writer, and the callbacks' hook order.</summary>
public sealed class FitFeatureTests
{
    private static (Residual Model, float[] X, float[] Y) Setup(Optimizer? optimizer = null, params Metric[] metrics)
    {
        var model = new Residual(seed: 3);
        model.Compile(optimizer ?? new Adam(), Losses.BinaryCrossentropy, metrics);
        float[] x = FiniteDifferences.Random(60 * 2, 4);
        float[] y = Enumerable.Range(0, 60).Select(i => (float)(i % 2)).ToArray();
        return (model, x, y);
    }

    [Fact]
    public void Class_weights_equal_the_same_sample_weights_and_differ_from_none()
    {
        var (a, x, y) = Setup();
        var (b, _, _) = Setup();
        var (c, _, _) = Setup();
        a.Fit(x, y, epochs: 2, batchSize: 8, verbose: 0, classWeight: new Dictionary<int, float> { [1] = 3f });
        b.Fit(x, y, epochs: 2, batchSize: 8, verbose: 0, sampleWeight: y.Select(v => v == 1 ? 3f : 1f).ToArray());
        c.Fit(x, y, epochs: 2, batchSize: 8, verbose: 0);
        Assert.Equal(a.GetWeights().SelectMany(w => w), b.GetWeights().SelectMany(w => w));
        Assert.NotEqual(a.GetWeights().SelectMany(w => w), c.GetWeights().SelectMany(w => w));
        Assert.Contains("at the same time", Assert.Throws<ArgumentException>(() => a.Fit(x, y, verbose: 0, classWeight: new Dictionary<int, float>(), sampleWeight: new float[60])).Message);
    }

    [Fact]
    public void Weighted_evaluate_is_keras_weighted_mean()
    {
        var (model, x, y) = Setup(null, Metrics.BinaryAccuracy);
        float[] weights = Enumerable.Range(0, 60).Select(i => i < 30 ? 2f : 0f).ToArray();
        var all = model.Evaluate(x, y, verbose: 0, sampleWeight: weights);
        var half = model.Evaluate(x[..60], y[..30], verbose: 0);
        Assert.Equal(half["binary_accuracy"], all["binary_accuracy"], 6);

        // The loss divides by the sample count (sum_over_batch_size): 2·(30 samples' mean)·30/60.
        Assert.Equal(half["loss"], all["loss"], 5);
    }

    [Fact]
    public void Validation_runs_every_validation_freq_epochs()
    {
        var (model, x, y) = Setup();
        History history = model.Fit(x, y, epochs: 4, batchSize: 16, verbose: 0, validationSplit: 0.25f, validationFreq: 2);
        Assert.Equal(4, history["loss"].Count);
        Assert.Equal(2, history["val_loss"].Count);
    }

    [Fact]
    public void Steps_per_epoch_continues_through_the_data_and_stops_when_it_runs_out()
    {
        var (model, x, y) = Setup();
        var steps = new List<int>();
        var counter = new LambdaCallback { OnTrainBatchEndAction = (b, _) => steps.Add(b) };
        var output = new StringWriter();
        model.Fit(x, y, epochs: 3, batchSize: 10, stepsPerEpoch: 4, callbacks: [counter], output: output, verbose: 1);

        // 6 batches: epoch 1 takes 4, epoch 2 the last 2 (then warns), epoch 3 starts over with 4.
        Assert.Equal([0, 1, 2, 3, 0, 1, 0, 1, 2, 3], steps);
        Assert.Contains("ran out of data", output.ToString());
        Assert.Equal(10, model.Optimizer!.Iterations);
    }

    [Fact]
    public void Cancelling_stops_after_the_batch_keeps_the_history_and_throws()
    {
        var (model, x, y) = Setup();
        using var source = new CancellationTokenSource();
        var ended = false;
        var cancel = new LambdaCallback
        {
            OnTrainBatchEndAction = (b, _) => { if (model.Optimizer!.Iterations == 10) source.Cancel(); },
            OnTrainEndAction = () => ended = true,
        };
        Assert.Throws<OperationCanceledException>(() => model.Fit(x, y, epochs: 5, batchSize: 8, verbose: 0, callbacks: [cancel], cancellationToken: source.Token));
        Assert.Equal(10, model.Optimizer!.Iterations);
        Assert.Single(model.History!["loss"]);
        Assert.True(ended);
    }

    [Fact]
    public void Progress_goes_to_the_given_writer_with_the_callbacks_values()
    {
        var (model, x, y) = Setup();
        var writer = new StringWriter { NewLine = "\n" };
        TextWriter console = Console.Out;
        var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            model.Fit(x, y, epochs: 2, batchSize: 20, validationSplit: 0.5f, output: writer, callbacks: [new ReduceLROnPlateau(patience: 1)]);
        }
        finally
        {
            Console.SetOut(console);
        }

        string[] lines = writer.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal("Epoch 1/2", lines[0]);
        Assert.Matches(@"^2/2 ━{20} \d+s \d+(s|ms|us)/step - loss: \d\.\d{4} - val_loss: \d\.\d{4} - learning_rate: 0\.0010$", lines[1]);
        Assert.Equal(string.Empty, captured.ToString());
        Assert.Equal(2, model.History!["learning_rate"].Count);
    }

    [Fact]
    public void Terminate_on_nan_stops_before_the_bad_update()
    {
        var (model, x, y) = Setup(new SGD(learningRate: 1e30f));
        var output = new StringWriter();
        model.Fit(x, y, epochs: 3, batchSize: 8, verbose: 0, callbacks: [new TerminateOnNaN()], output: output);
        Assert.Contains("Invalid loss, terminating training", output.ToString());
        Assert.All(model.GetWeights().SelectMany(w => w), v => Assert.True(float.IsFinite(v) || float.IsInfinity(v) || !float.IsNaN(v)));
        Assert.Throws<InvalidOperationException>(() => Setup(new SGD(learningRate: 1e30f)).Model.Fit(x, y, epochs: 3, batchSize: 8, verbose: 0));
    }

    [Fact]
    public void Ema_weights_replace_the_trained_ones_when_fit_ends()
    {
        var (model, x, y) = Setup(new Adam { UseEma = true });
        model.Fit(x, y, epochs: 1, batchSize: 8, verbose: 0);
        float[] average = model.Optimizer!.Variables.Where(v => v.Name.EndsWith("_average", StringComparison.Ordinal)).SelectMany(v => v.Values.ToArray()).ToArray();
        Assert.Equal(average, model.GetWeights().SelectMany(w => w));
    }
}

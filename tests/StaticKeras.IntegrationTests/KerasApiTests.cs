using System.Text.Json;
using StaticKeras.IntegrationTests.TestModels;
using StaticKeras.Testing;

namespace StaticKeras.IntegrationTests;

/// <summary>Keras's model API on generated models: weights in Keras's layout, summaries, history, callbacks.</summary>
public sealed class KerasApiTests
{
    [Fact]
    public void Keras_reference_dense_gradient_holds_through_a_generated_model()
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "keras_ref", "gradients", "grad_dense_mse.json")));
        JsonElement root = json.RootElement;
        float[] Data(JsonElement e) => e.GetProperty("data").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
        float[] Weight(string name) => Data(root.GetProperty("weights").EnumerateArray().First(w => w.GetProperty("name").GetString() == name));

        var model = new OneDense(seed: 1);
        model.SetWeights([Weight("kernel"), Weight("bias")]);
        model.Compile(new SGD(), Losses.MeanSquaredError);
        float loss = model.ComputeGradients(Data(root.GetProperty("inputs").GetProperty("x")), Data(root.GetProperty("inputs").GetProperty("y_true")));

        JsonElement expected = root.GetProperty("expected");
        Assert.Equal(Data(expected.GetProperty("loss"))[0], loss, 5);
        AssertClose(Data(expected.GetProperty("d_loss/d_kernel")), model.GetWeightGradient("dense/kernel"));
        AssertClose(Data(expected.GetProperty("d_loss/d_bias")), model.GetWeightGradient("dense/bias"));
    }

    [Fact]
    public void Summary_matches_Keras_for_its_own_example()
    {
        var model = new sequential(seed: 1);
        const string keras =
            "Model: \"sequential\"\n" +
            "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓\n" +
            "┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃\n" +
            "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩\n" +
            "│ dense (Dense)                        │ (None, 5)                   │              10 │\n" +
            "├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤\n" +
            "│ dense_1 (Dense)                      │ (None, 1)                   │               6 │\n" +
            "└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘\n" +
            " Total params: 16 (64.00 B)\n" +
            " Trainable params: 16 (64.00 B)\n" +
            " Non-trainable params: 0 (0.00 B)\n";
        Assert.Equal(keras, model.SummaryText());

        model.Compile(new Adam(), Losses.MeanSquaredError);
        Assert.EndsWith(" Optimizer params: 34 (140.00 B)\n", model.SummaryText());
    }

    [Fact]
    public void Summary_of_a_graph_has_the_connected_to_column()
    {
        string summary = new Residual(seed: 1).SummaryText();
        Assert.Contains("┃ Layer (type)                  ┃ Output Shape              ┃         Param # ┃ Connected to               ┃", summary);
        Assert.Matches(@"│ add \(Add\) +│ \(None, 2\) +│ +0 │ x\[0\]\[0\], h\[0\]\[0\] +│", summary);
        Assert.Matches(@"│ x \(InputLayer\) +│ \(None, 2\) +│ +0 │ - +│", summary);
        Assert.Equal(108, summary.Split('\n')[1].Length);
    }

    [Fact]
    public void Fit_returns_the_history_keras_returns()
    {
        var model = new Residual(seed: 3);
        model.Compile(new Adam(learningRate: 0.05f), Losses.BinaryCrossentropy, [Metrics.Accuracy]);
        float[] x = FiniteDifferences.Random(200 * 2, 4);
        float[] y = Enumerable.Range(0, 200).Select(i => x[2 * i] + x[(2 * i) + 1] > 0 ? 1f : 0f).ToArray();
        History history = model.Fit(x, y, epochs: 30, batchSize: 16, validationSplit: 0.25f, verbose: 0);
        Assert.Equal(["accuracy", "loss", "val_accuracy", "val_loss"], history.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(0, 30), history.Epoch);
        Assert.True(history["loss"][^1] < history["loss"][0]);
        Assert.True(history["val_accuracy"][^1] > 0.9, $"val_accuracy {history["val_accuracy"][^1]}");
        var scores = model.Evaluate(x, y, verbose: 0);
        Assert.Equal(["accuracy", "loss"], scores.Keys);
    }

    [Fact]
    public void Early_stopping_stops_and_callbacks_see_every_epoch()
    {
        var model = new Residual(seed: 3);
        model.Compile(new SGD(learningRate: 1e-9f), Losses.BinaryCrossentropy);
        float[] x = FiniteDifferences.Random(64 * 2, 4);
        float[] y = Enumerable.Range(0, 64).Select(i => (float)(i % 2)).ToArray();
        var stop = new EarlyStopping(monitor: "loss", minDelta: 0.1, patience: 2);
        var seen = new Recorder();
        History history = model.Fit(x, y, epochs: 50, verbose: 0, callbacks: [stop, seen]);
        Assert.Equal(3, history.Epoch.Count);
        Assert.Equal(2, stop.StoppedEpoch);
        Assert.Equal([0, 1, 2], seen.Epochs);
        Assert.Equal(3 * 2, seen.Batches);
    }

    private sealed class Recorder : Callback
    {
        public List<int> Epochs { get; } = [];

        public int Batches { get; private set; }

        public override void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs) => Epochs.Add(epoch);

        public override void OnTrainBatchEnd(int batch, IReadOnlyDictionary<string, double> logs) => Batches++;
    }

    private static void AssertClose(float[] expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5 + (1e-4 * Math.Abs(expected[i])), $"[{i}] expected {expected[i]}, got {actual[i]}");
        }
    }
}

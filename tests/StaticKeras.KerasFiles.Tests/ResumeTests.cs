using StaticKeras.KerasFiles.Tests.TestModels;

namespace StaticKeras.KerasFiles.Tests;

/// <summary>
/// Resuming from a checkpoint is bit-exact: 2 epochs, SaveWeights, a fresh model (another seed)
/// that loads it and trains epochs 3 and 4 ends with the weights of 4 uninterrupted epochs. The
/// file carries the optimizer's variables and counter and the dropout and shuffle streams.
/// </summary>
public sealed class ResumeTests
{
    public static TheoryData<string> Optimizers() => new("adam", "rmsprop", "sgd_momentum");

    internal static Optimizer Create(string name) => name switch
    {
        "adam" => new Adam(learningRate: 1e-2f),
        "rmsprop" => new RMSprop(learningRate: 1e-2f),
        _ => new SGD(learningRate: 5e-2f, momentum: 0.9f),
    };

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Two_epochs_checkpoint_and_two_more_equal_four_uninterrupted(string optimizer)
    {
        (float[] x, int[] y) = TrainingData.Classes(100, 5, 3, seed: 11);
        var straight = new ResumeMlp(seed: 21);
        straight.Compile(Create(optimizer), Losses.SparseCategoricalCrossentropy, [Metrics.Accuracy]);
        straight.Fit(x, y, epochs: 4, batchSize: 16, verbose: 0);

        var first = new ResumeMlp(seed: 21);
        first.Compile(Create(optimizer), Losses.SparseCategoricalCrossentropy, [Metrics.Accuracy]);
        first.Fit(x, y, epochs: 2, batchSize: 16, verbose: 0);
        string path = Path.Combine(KerasData.NewFolder(), "checkpoint.weights.h5");
        first.SaveWeights(path);

        var resumed = new ResumeMlp(seed: 1234);
        resumed.Compile(Create(optimizer), Losses.SparseCategoricalCrossentropy, [Metrics.Accuracy]);
        resumed.LoadWeights(path);
        resumed.Fit(x, y, epochs: 4, batchSize: 16, verbose: 0, initialEpoch: 2);

        Assert.Equal(TrainingData.Bits(straight), TrainingData.Bits(resumed));
        Assert.Equal(TrainingData.OptimizerBits(straight).Bits, TrainingData.OptimizerBits(resumed).Bits);
        Assert.Equal(straight.Optimizer!.Iterations, resumed.Optimizer!.Iterations);
    }

    [Fact]
    public void Without_the_random_streams_the_resumed_run_differs()
    {
        // The check above can fail: drop the streams group and the dropout masks and shuffles change.
        (float[] x, int[] y) = TrainingData.Classes(100, 5, 3, seed: 11);
        var straight = new ResumeMlp(seed: 21);
        straight.Compile(Create("adam"), Losses.SparseCategoricalCrossentropy);
        straight.Fit(x, y, epochs: 4, batchSize: 16, verbose: 0);
        var first = new ResumeMlp(seed: 21);
        first.Compile(Create("adam"), Losses.SparseCategoricalCrossentropy);
        first.Fit(x, y, epochs: 2, batchSize: 16, verbose: 0);
        string path = Path.Combine(KerasData.NewFolder(), "checkpoint.weights.h5");
        first.SaveWeights(path);
        KerasWeights file = KerasWeightsFile.Read(path);
        KerasWeightsFile.Write(path, new KerasWeights(file.Layers, file.Optimizer, file.ModelName));

        var resumed = new ResumeMlp(seed: 1234);
        resumed.Compile(Create("adam"), Losses.SparseCategoricalCrossentropy);
        resumed.LoadWeights(path);
        resumed.Fit(x, y, epochs: 4, batchSize: 16, verbose: 0, initialEpoch: 2);

        Assert.NotEqual(TrainingData.Bits(straight), TrainingData.Bits(resumed));
    }

    [Fact]
    public void An_optimizer_state_of_another_optimizer_is_refused_and_nothing_changes()
    {
        (float[] x, int[] y) = TrainingData.Classes(32, 5, 3, seed: 2);
        var adam = new ResumeMlp(seed: 3);
        adam.Compile(Create("adam"), Losses.SparseCategoricalCrossentropy);
        adam.Fit(x, y, epochs: 1, batchSize: 16, verbose: 0);
        string path = Path.Combine(KerasData.NewFolder(), "adam.weights.h5");
        adam.SaveWeights(path);
        var sgd = new ResumeMlp(seed: 4);
        sgd.Compile(Create("sgd_momentum"), Losses.SparseCategoricalCrossentropy);
        int[] before = TrainingData.Bits(sgd);

        var e = Assert.Throws<ModelFileException>(() => sgd.LoadWeights(path));

        Assert.Equal("optimizer/vars", e.ObjectPath);
        Assert.Contains("'sgd'", e.Message);
        Assert.Contains("adam", e.Message);
        Assert.Equal(before, TrainingData.Bits(sgd));
    }
}

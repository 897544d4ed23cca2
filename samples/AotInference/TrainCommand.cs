using System.Diagnostics;
using StaticKeras;

namespace AotInference;

/// <summary><c>train</c>: fits <see cref="Digits"/> on the bundled MNIST subset and saves the weights.</summary>
internal static class TrainCommand
{
    /// <summary>Trains three epochs (seed 42), reports test accuracy, writes <paramref name="weightsPath"/> as a Keras weights file.</summary>
    public static int Run(string weightsPath)
    {
        var (xTrain, yTrain) = SampleData.Training();
        var (xTest, yTest) = SampleData.Test();
        var model = new Digits(seed: 42);
        model.Compile(optimizer: new Adam(learningRate: 1e-3f), loss: Losses.SparseCategoricalCrossentropy, metrics: [Metrics.Accuracy]);

        var clock = Stopwatch.StartNew();
        model.Fit(xTrain, yTrain, epochs: 3, batchSize: 32, verbose: 0);
        double seconds = clock.Elapsed.TotalSeconds;
        double accuracy = model.Evaluate(xTest, yTest, batchSize: 256, verbose: 0)["accuracy"];

        model.SaveWeights(weightsPath); // Keras 3 .weights.h5, atomic; Python's model.load_weights reads it
        Console.WriteLine($"trained {yTrain.Length} images x 3 epochs in {seconds:0.00} s; test accuracy {accuracy:0.0000}; weights saved to {weightsPath}");
        return 0;
    }
}

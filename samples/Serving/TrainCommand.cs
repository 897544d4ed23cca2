using AotInference;
using StaticKeras;

namespace Serving;

/// <summary><c>train</c>: fits <see cref="Digits"/> on the bundled MNIST subset and saves the weights the service loads.</summary>
internal static class TrainCommand
{
    /// <summary>Trains three epochs (seed 42), reports the test accuracy, writes <paramref name="weightsPath"/>.</summary>
    public static int Run(string weightsPath)
    {
        var (xTrain, yTrain) = SampleData.Training();
        var (xTest, yTest) = SampleData.Test();
        var model = new Digits(seed: 42);
        model.Compile(optimizer: new Adam(learningRate: 1e-3f), loss: Losses.SparseCategoricalCrossentropy, metrics: [Metrics.Accuracy]);
        model.Fit(xTrain, yTrain, epochs: 3, batchSize: 32, verbose: 0);
        double accuracy = model.Evaluate(xTest, yTest, batchSize: 256, verbose: 0)["accuracy"];
        model.SaveWeights(weightsPath);
        Console.WriteLine($"trained on {yTrain.Length} images for 3 epochs; test accuracy {accuracy:0.0000}; weights saved to {weightsPath}");
        return 0;
    }
}

// Trains a Keras-style MLP on MNIST (the first 10,000 training images) and prints its accuracy
// on the full 10,000-image test set.
using System.Diagnostics;
using StaticKeras;
using StaticKeras.Data;

string data = Path.Combine(AppContext.BaseDirectory, "data", "mnist");
var (xTrain, yTrain) = Mnist.Load(data, "train10k");
var (xTest, yTest) = Mnist.Load(data, "t10k");
Console.WriteLine($"MNIST: {yTrain.Length} training images, {yTest.Length} test images");

var model = new MnistMlp(seed: 42);
model.Compile(
    optimizer: new Adam(learningRate: 1e-3f),
    loss: Losses.SparseCategoricalCrossentropy,
    metrics: [Metrics.Accuracy]);
model.Summary();

var clock = Stopwatch.StartNew();
History history = model.Fit(xTrain, yTrain, epochs: 15, batchSize: 32);
Console.WriteLine($"Trained in {clock.Elapsed.TotalSeconds:0.0} s");

var scores = model.Evaluate(xTest, yTest, batchSize: 256);
Console.WriteLine($"Test accuracy: {scores["accuracy"]:0.0000} (loss {scores["loss"]:0.0000})");

// The training curves and the model's graph (Keras's plot_model), as SVG files to open in a browser.
history.WriteSvg("mnist_history.svg", title: "MnistMlp");
StaticKeras.Plotting.ModelPlot.PlotModel(model, "mnist_model.svg");
Console.WriteLine("Wrote mnist_history.svg and mnist_model.svg");

/// <summary>The classic Keras MNIST MLP: 784 → 512 → 256 ReLU with dropout → 10 softmax.</summary>
[Input(28, 28)]
[Flatten]
[Dense(512, Activation = Activation.Relu)]
[Dropout(0.3)]
[Dense(256, Activation = Activation.Relu)]
[Dropout(0.3)]
[Dense(10, Activation = Activation.Softmax)]
public partial class MnistMlp;

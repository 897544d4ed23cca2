// Keras's "Simple MNIST convnet" (keras.io/examples/vision/mnist_convnet) trained on the first
// 10,000 MNIST training images in the repository, evaluated on the full 10,000-image test set.
using System.Diagnostics;
using StaticKeras;
using StaticKeras.Data;

string data = Path.Combine(AppContext.BaseDirectory, "data", "mnist");
var (xTrain, yTrain) = Mnist.Load(data, "train10k");
var (xTest, yTest) = Mnist.Load(data, "t10k");
Console.WriteLine($"MNIST: {yTrain.Length} training images, {yTest.Length} test images, {KernelOptions.Threads} kernel threads");

var model = new MnistConvnet(seed: 42);
model.Compile(
    optimizer: new Adam(learningRate: 1e-3f),
    loss: Losses.SparseCategoricalCrossentropy,
    metrics: [Metrics.Accuracy]);
model.Summary();

var clock = Stopwatch.StartNew();
model.Fit(xTrain, yTrain, epochs: 12, batchSize: 64, validationSplit: 0.1f);
Console.WriteLine($"Trained in {clock.Elapsed.TotalSeconds:0.0} s");

var scores = model.Evaluate(xTest, yTest, batchSize: 256);
Console.WriteLine($"Test accuracy: {scores["accuracy"]:0.0000} (loss {scores["loss"]:0.0000})");

/// <summary>
/// Keras's MNIST convnet: two 3×3 ReLU convolutions, each followed by 2×2 max pooling, then
/// dropout and a softmax classifier. Shapes are checked at compile time: change a kernel size
/// so the image no longer fits and the build fails on that attribute.
/// </summary>
[Input(28, 28, 1)]
[Conv2D(32, 3, Activation = Activation.Relu)]
[MaxPooling2D(2)]
[Conv2D(64, 3, Activation = Activation.Relu)]
[MaxPooling2D(2)]
[Flatten]
[Dropout(0.5)]
[Dense(10, Activation = Activation.Softmax)]
public partial class MnistConvnet;

// A small convnet with batch normalization on the complete Fashion-MNIST (60,000 training and
// 10,000 test pictures of clothing, in the repository), with the per-class test accuracy.
using System.Diagnostics;
using System.Numerics.Tensors;
using StaticKeras;
using StaticKeras.Data;

string data = Path.Combine(AppContext.BaseDirectory, "data", "fashion-mnist");
var (xTrain, yTrain) = FashionMnist.Load(data, "train");
var (xTest, yTest) = FashionMnist.Load(data, "t10k");
Console.WriteLine($"Fashion-MNIST: {yTrain.Length} training images, {yTest.Length} test images");

var model = new FashionConvnet(seed: 1);
model.Compile(
    optimizer: new Adam(learningRate: 1e-3f),
    loss: Losses.SparseCategoricalCrossentropy,
    metrics: [Metrics.Accuracy]);
model.Summary();

var clock = Stopwatch.StartNew();
model.Fit(xTrain, yTrain, epochs: 8, batchSize: 64);
Console.WriteLine($"Trained in {clock.Elapsed.TotalSeconds:0.0} s");

var scores = model.Evaluate(xTest, yTest, batchSize: 256);
Console.WriteLine($"Test accuracy: {scores["accuracy"]:0.0000} (loss {scores["loss"]:0.0000})");

// Per class: how many of its 1,000 test pictures the model names right.
float[] probabilities = model.Predict(xTest, batchSize: 256);
var correct = new int[10];
var total = new int[10];
for (int i = 0; i < yTest.Length; i++)
{
    int predicted = TensorPrimitives.IndexOfMax(probabilities.AsSpan(i * 10, 10));
    total[yTest[i]]++;
    correct[yTest[i]] += predicted == yTest[i] ? 1 : 0;
}

Console.WriteLine();
Console.WriteLine("Class          Accuracy");
for (int c = 0; c < 10; c++)
{
    Console.WriteLine($"{FashionMnist.ClassNames[c],-14} {(double)correct[c] / total[c],8:0.000}");
}

/// <summary>Two convolution stages (3×3 convolution, batch normalization, ReLU, 2×2 max pooling), then a small classifier.</summary>
[Input(28, 28, 1)]
[Conv2D(32, 3, Padding = "same", UseBias = false)]
[BatchNormalization]
[ReLU]
[MaxPooling2D(2)]
[Conv2D(64, 3, Padding = "same", UseBias = false)]
[BatchNormalization]
[ReLU]
[MaxPooling2D(2)]
[Flatten]
[Dropout(0.3)]
[Dense(128, Activation = Activation.Relu)]
[Dense(10, Activation = Activation.Softmax)]
public partial class FashionConvnet;

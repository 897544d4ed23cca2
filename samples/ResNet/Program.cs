// A small residual network on MNIST: residual units declared once as a block and used like a
// layer, each adding its input back with Keras's functional Add. Trained on the 10,000 training
// images in the repository, evaluated on the full test set.
using System.Diagnostics;
using StaticKeras;
using StaticKeras.Data;

string data = Path.Combine(AppContext.BaseDirectory, "data", "mnist");
var (xTrain, yTrain) = Mnist.Load(data, "train10k");
var (xTest, yTest) = Mnist.Load(data, "t10k");
Console.WriteLine($"MNIST: {yTrain.Length} training images, {yTest.Length} test images");

// The learning rate decays to zero over the run (Keras's CosineDecay), so the last steps barely move
// the weights and batch normalization's moving statistics catch up with them before inference.
const int Epochs = 8, BatchSize = 64;
long steps = Epochs * (long)Math.Ceiling(0.9 * yTrain.Length / BatchSize);
var model = new MnistResNet(seed: 7);
model.Compile(
    optimizer: new Adam(learningRate: new CosineDecay(2e-3f, decaySteps: steps)),
    loss: Losses.SparseCategoricalCrossentropy,
    metrics: [Metrics.Accuracy]);
model.Summary();

var clock = Stopwatch.StartNew();
model.Fit(xTrain, yTrain, epochs: Epochs, batchSize: BatchSize, validationSplit: 0.1f);
Console.WriteLine($"Trained in {clock.Elapsed.TotalSeconds:0.0} s");

var scores = model.Evaluate(xTest, yTest, batchSize: 256);
Console.WriteLine($"Test accuracy: {scores["accuracy"]:0.0000} (loss {scores["loss"]:0.0000})");
StaticKeras.Plotting.ModelPlot.PlotModel(model, "resnet_model.svg");
Console.WriteLine("Wrote resnet_model.svg");

/// <summary>
/// A residual unit (He et al. 2016): two 3×3 convolutions with batch normalization, the unit's
/// input added back before the last ReLU. A block: its own [Input] fixes the shape it takes.
/// </summary>
[Input(14, 14, 32, Name = "x")]
[Conv2D(32, 3, Padding = "same", UseBias = false)]
[BatchNormalization]
[ReLU]
[Conv2D(32, 3, Padding = "same", UseBias = false)]
[BatchNormalization(Name = "residual")]
[Add("x", "residual")]
[ReLU]
public partial class ResidualUnit;

/// <summary>The network: a strided stem, two residual units, global average pooling, softmax.</summary>
[Input(28, 28, 1)]
[Conv2D(32, 3, Strides = [2], Padding = "same", UseBias = false)]
[BatchNormalization]
[ReLU]
[Block<ResidualUnit>]
[Block<ResidualUnit>]
[GlobalAveragePooling2D]
[Dense(10, Activation = Activation.Softmax)]
public partial class MnistResNet;

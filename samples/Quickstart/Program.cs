// The smallest complete StaticKeras program: learn XOR.
using StaticKeras;

float[] x = [0, 0, 0, 1, 1, 0, 1, 1];
float[] y = [0, 1, 1, 0];

var model = new Xor(seed: 1);
model.Compile(optimizer: new Adam(learningRate: 0.05f), loss: Losses.BinaryCrossentropy, metrics: [Metrics.Accuracy]);
model.Summary();
model.Fit(x, y, epochs: 300, batchSize: 4, verbose: 0);
var scores = model.Evaluate(x, y, verbose: 0);
Console.WriteLine($"accuracy: {scores["accuracy"]:0.00}, loss: {scores["loss"]:0.0000}");
float[] p = model.Predict(x);
Console.WriteLine($"predictions: {string.Join(", ", p.Select(v => v.ToString("0.00")))}");

[Input(2)]
[Dense(8, Activation = Activation.Tanh)]
[Dense(1, Activation = Activation.Sigmoid)]
public partial class Xor;

// A StaticKeras model: the attributes below declare it, and the compiler generates its forward
// and backward passes. Change a layer so that shapes no longer fit and the build fails on it.
using StaticKeras;

// Points in [-1.5, 1.5]²; the label says whether the point lies inside the unit circle.
const int Count = 1024;
var random = new Random(7);
float[] x = new float[Count * 2];
float[] y = new float[Count];
for (int i = 0; i < Count; i++)
{
    float a = (random.NextSingle() * 3) - 1.5f, b = (random.NextSingle() * 3) - 1.5f;
    (x[2 * i], x[(2 * i) + 1]) = (a, b);
    y[i] = (a * a) + (b * b) < 1 ? 1 : 0;
}

var model = new Circle(seed: 42);
model.Compile(optimizer: new Adam(learningRate: 0.02f), loss: Losses.BinaryCrossentropy, metrics: [Metrics.Accuracy]);
model.Summary();
model.Fit(x, y, epochs: 60, batchSize: 32, verbose: 0);

var scores = model.Evaluate(x, y, verbose: 0);
Console.WriteLine($"accuracy: {scores["accuracy"]:0.00}");
float[] p = model.Predict([0f, 0f, 1.4f, 1.4f]);
Console.WriteLine($"inside at (0, 0): {p[0]:0.00}; inside at (1.4, 1.4): {p[1]:0.00}");

/// <summary>2 inputs → 16 ReLU → 1 sigmoid: the probability that a point is inside the circle.</summary>
[Input(2)]
[Dense(16, Activation = Activation.Relu)]
[Dense(1, Activation = Activation.Sigmoid)]
public partial class Circle;

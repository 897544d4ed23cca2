using StaticKeras;

namespace AotInference;

/// <summary>A small MNIST classifier: 784 → 128 ReLU → 10 softmax (101,770 weights).</summary>
[Input(28, 28)]
[Flatten]
[Dense(128, Activation = Activation.Relu)]
[Dense(10, Activation = Activation.Softmax)]
public partial class Digits;

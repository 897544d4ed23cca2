using StaticKeras;

namespace Serving;

/// <summary>The served model: Keras's MNIST MLP, 784 → 128 ReLU → 10 softmax (101,770 weights).</summary>
[Input(784)]
[Dense(128, Activation = Activation.Relu)]
[Dense(10, Activation = Activation.Softmax)]
public partial class Digits;

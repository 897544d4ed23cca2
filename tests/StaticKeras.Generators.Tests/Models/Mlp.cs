using StaticKeras;

namespace Demo;

/// <summary>The benchmark MLP: 784 → 128 ReLU → 10 softmax.</summary>
[Input(784)]
[Dense(128, Activation = Activation.Relu)]
[Dense(10, Activation = Activation.Softmax)]
public partial class Mlp;

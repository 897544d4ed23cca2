namespace StaticKeras.Benchmarks.Models;

/// <summary>The MLP of ../shared/peers: 784 → 128 ReLU → 10 softmax, trained with softmax cross-entropy.</summary>
[Input(784)]
[Dense(128, Activation = Activation.Relu)]
[Dense(10, Activation = Activation.Softmax)]
public partial class Mlp;

/// <summary>The tiny model of ../shared/peers: 4 → 8 ReLU → 1 sigmoid, trained with binary cross-entropy.</summary>
[Input(4)]
[Dense(8, Activation = Activation.Relu)]
[Dense(1, Activation = Activation.Sigmoid)]
public partial class Tiny;

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

/// <summary>
/// The CNN of ../shared/peers: Conv2D 32 3×3 ReLU → MaxPool 2 → Conv2D 64 3×3 ReLU → MaxPool 2 →
/// Flatten → Dense 10 softmax on 28×28×1, trained with sparse categorical cross-entropy.
/// </summary>
[Input(28, 28, 1)]
[Conv2D(32, 3, Activation = Activation.Relu)]
[MaxPooling2D(2)]
[Conv2D(64, 3, Activation = Activation.Relu)]
[MaxPooling2D(2)]
[Flatten]
[Dense(10, Activation = Activation.Softmax)]
public partial class Cnn;

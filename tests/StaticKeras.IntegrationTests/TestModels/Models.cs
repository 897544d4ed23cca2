namespace StaticKeras.IntegrationTests.TestModels;

/// <summary>The benchmark MLP (784-128-10).</summary>
[Input(784)]
[Dense(128, Activation = Activation.Relu)]
[Dense(10, Activation = Activation.Softmax)]
public partial class Mlp;

/// <summary>An MLP with dropout, for the training path's random stream.</summary>
[Input(20)]
[Dense(16, Activation = Activation.Relu)]
[Dropout(0.5)]
[Dense(3, Activation = Activation.Softmax)]
public partial class DropoutMlp;

/// <summary>The Keras reference case grad_dense_mse: Dense(2), linear, on 4 features.</summary>
[Input(4)]
[Dense(2)]
public partial class OneDense;

/// <summary>The branching form of the design card.</summary>
[Input(2, Name = "x")]
[Dense(2, Name = "h", Activation = Activation.Relu)]
[Add("x", "h")]
[Dense(1, Activation = Activation.Sigmoid)]
public partial class Residual;

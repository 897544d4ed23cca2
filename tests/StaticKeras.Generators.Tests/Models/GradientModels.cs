using StaticKeras;

namespace Demo.Gradients;

/// <summary>A chain of every activation but softmax.</summary>
[Input(5)]
[Dense(4, Activation = Activation.Relu)]
[Dense(4, Activation = Activation.Tanh)]
[Dense(2, Activation = Activation.Sigmoid)]
public partial class Chain;

/// <summary>Two inputs through every merge and reshape, Dense on a rank-2 tensor, softmax out.</summary>
[Input(3, Name = "x")]
[Input(4, Name = "y")]
[Dense(4, Input = "x", Name = "hx", Activation = Activation.Tanh)]
[Multiply("hx", "y", Name = "m")]
[Add("m", "hx", Name = "s")]
[Concatenate("s", "m", Name = "c")]
[Reshape(2, 4, Name = "r")]
[Dense(3, Name = "rows")]
[Flatten]
[Dense(3, Activation = Activation.Softmax)]
public partial class Branches;

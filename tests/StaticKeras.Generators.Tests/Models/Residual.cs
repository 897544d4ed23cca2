using StaticKeras;

namespace Demo;

/// <summary>The branching form: a named input, a named layer, and a residual Add of the two.</summary>
[Input(2, Name = "x")]
[Dense(2, Name = "h", Activation = Activation.Relu)]
[Add("x", "h")]
[Dense(1, Activation = Activation.Sigmoid)]
public partial class Residual;

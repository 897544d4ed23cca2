using StaticKeras;

namespace Demo.Nested;

/// <summary>Every layer of the foundation in one graph: two inputs, reshapes, dropout, all three merges.</summary>
[Input(4, 3, Name = "image")]
[Input(6, Name = "features")]
[Flatten(Input = "image", Name = "flat")]
[Dense(6, Name = "a", Activation = Activation.Tanh)]
[Dropout(0.25, Name = "drop")]
[Multiply("drop", "features", Name = "gated")]
[Dense(6, Input = "features", Name = "b", UseBias = false)]
[Add("gated", "b", "features", Name = "sum")]
[Reshape(2, 3, Name = "grid")]
[Concatenate("grid", "grid", Axis = 1, Name = "twice")]
[Flatten]
[Dense(3, Activation = Activation.Softmax, KernelInitializer = "he_normal")]
public partial class Everything;

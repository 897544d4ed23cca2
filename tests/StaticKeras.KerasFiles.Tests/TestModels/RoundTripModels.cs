namespace StaticKeras.KerasFiles.Tests.TestModels;

/// <summary>A residual block: Keras's nested Functional model, its weights at layers/functional/layers/... .</summary>
[Input(6, Name = "x")]
[Dense(6, Activation = "gelu", Name = "h")]
[Add("x", "h")]
public partial class ResidualUnit;

/// <summary>Every layer with weights or state that exists today, in one Functional model with two blocks.</summary>
[Input(4, Name = "features")]
[Normalization]
[Dense(6, Activation = Activation.Relu)]
[PReLU]
[Block<ResidualUnit>]
[Block<ResidualUnit>]
[Dense(6, UseBias = false, Name = "skip", Input = "features")]
[Concatenate("residual_unit_1", "skip")]
[Dropout(0.25)]
[LeakyReLU(NegativeSlope = 0.1)]
[Dense(3, Activation = Activation.Softmax)]
public partial class EveryLayer;

/// <summary>A Sequential chain with dropout, for checkpoints and resuming.</summary>
[Input(5)]
[Dense(8, Activation = Activation.Relu)]
[Dropout(0.3)]
[Dense(8, Activation = Activation.Tanh)]
[Dense(3, Activation = Activation.Softmax)]
public partial class ResumeMlp;

/// <summary><see cref="ResumeMlp"/> with another dropout rate: the same weights, a different config.</summary>
[Input(5)]
[Dense(8, Activation = Activation.Relu)]
[Dropout(0.5)]
[Dense(8, Activation = Activation.Tanh)]
[Dense(3, Activation = Activation.Softmax)]
public partial class ResumeMlpOtherRate;

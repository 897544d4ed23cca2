namespace StaticKeras.IntegrationTests.TestModels;

/// <summary>The tabular pattern: an adapted Normalization in front of a small classifier.</summary>
[Input(4)]
[Normalization]
[Dense(8, Activation = Activation.Relu)]
[Dense(1, Activation = Activation.Sigmoid)]
public partial class NormalizedClassifier;

/// <summary>Rescaling and a given Normalization after a trainable layer, so their backward passes run.</summary>
[Input(3)]
[Dense(3, Activation = Activation.Tanh)]
[Rescaling(0.5, Offset = 1)]
[Normalization(Mean = [1, 2, 3], Variance = [4, 1, 0.25])]
[Dense(2)]
public partial class RescaledThenNormalized;

/// <summary>An adapted Normalization with a kept middle axis and an inverted one after trainable layers.</summary>
[Input(2, 3)]
[Dense(3, Activation = Activation.Tanh)]
[Normalization(Axis = [1], Name = "rows")]
[Normalization(Invert = true, Name = "back")]
[Flatten]
[Dense(2)]
public partial class AdaptedInTheMiddle;

/// <summary>Token counts and one-hot bins feeding a Dense, each after a trainable layer (whose gradient through them is zero).</summary>
[Input(3, Name = "ids")]
[CategoryEncoding(4, OutputMode = "count", Name = "counts")]
[Discretization(0.5, 1.5, Input = "ids", OutputMode = "one_hot", Name = "bins")]
[Flatten(Name = "flat_bins")]
[Concatenate("counts", "flat_bins")]
[Dense(2)]
public partial class Encoded;

/// <summary>Every image augmentation in a row before a classifier.</summary>
[Input(6, 5, 2)]
[RandomFlip]
[RandomRotation(0.1)]
[RandomTranslation(0.1, 0.2, FillMode = "wrap")]
[RandomZoom(0.2, Interpolation = "nearest")]
[RandomContrast(0.2, ValueRange = [0, 1])]
[Flatten]
[Dense(3, Activation = Activation.Softmax)]
public partial class Augmented;

/// <summary><see cref="Augmented"/> without its augmentation: what it must equal at inference.</summary>
[Input(6, 5, 2)]
[Flatten]
[Dense(3, Activation = Activation.Softmax)]
public partial class NotAugmented;

/// <summary>Augmentations after a trainable layer, so their backward passes run; seeded streams of their own.</summary>
[Input(4, 4, 1)]
[Dense(2, Activation = Activation.Tanh)]
[RandomFlip("horizontal", Seed = 3)]
[RandomRotation([-0.2, 0.3], FillMode = "constant", FillValue = 0.5, Seed = 4)]
[RandomZoom([-0.2, 0.1], [0.0, 0.3], FillMode = "nearest")]
[RandomContrast([0.3, 0.3], ValueRange = [-1, 1])]
[Flatten]
[Dense(1)]
public partial class AugmentedAfterDense;

/// <summary>Keras's docstring example of an adapted Normalization on the last axis.</summary>
[Input(3)]
[Normalization]
public partial class NormalizeFeatures;

/// <summary>Keras's docstring example of the inverse.</summary>
[Input(3)]
[Normalization(Invert = true)]
public partial class Denormalize;

/// <summary>Keras's docstring examples with mean and variance given, and with axis=None adapted.</summary>
[Input(1, Name = "x")]
[Normalization(Mean = [3], Variance = [2], Name = "given")]
[Normalization(Axis = null, Input = "x", Name = "scalar")]
[Concatenate("given", "scalar")]
public partial class GivenAndScalarNormalization;

/// <summary>Keras's docstring examples of CategoryEncoding (one_hot, multi_hot) and Discretization.</summary>
[Input(1, Name = "token")]
[Input(2, Name = "pair")]
[Input(4, Name = "values")]
[CategoryEncoding(4, OutputMode = "one_hot", Input = "token", Name = "one_hot")]
[CategoryEncoding(4, Input = "pair", Name = "multi_hot")]
[Discretization(0.0, 1.0, 2.0, Input = "values", Name = "bins")]
[Concatenate("one_hot", "multi_hot", "bins")]
public partial class KerasEncodingExamples;

/// <summary>A trainable layer before a Discretization: no gradient reaches it through the step function.</summary>
[Input(2, Name = "x")]
[Dense(3, Name = "before")]
[Discretization(0.0, Name = "steps")]
[Dense(2, Input = "x", Name = "side")]
[Concatenate("steps", "side")]
[Dense(1)]
public partial class DenseThenDiscretized;

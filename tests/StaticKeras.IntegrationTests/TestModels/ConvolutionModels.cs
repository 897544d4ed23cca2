namespace StaticKeras.IntegrationTests.TestModels;

/// <summary>
/// Every 2D convolution layer in one model, for the gradient check: 'same' with odd total padding
/// at stride 2 and a fused ReLU, dilation with groups and an activation that needs its input
/// (gelu), depthwise with a multiplier, separable, a transposed convolution with output padding,
/// and BatchNormalization in training mode. The Dense first makes every input gradient checked.
/// </summary>
[Input(7, 6, 2)]
[Dense(4)]
[Conv2D(4, 3, Strides = [2], Padding = "same", Activation = Activation.Relu)]
[Conv2D(4, 2, Padding = "same", DilationRate = [2], Groups = 2, Activation = Activation.Gelu)]
[DepthwiseConv2D(3, 2, DepthMultiplier = 2, Padding = "same", Activation = Activation.Tanh)]
[SeparableConv2D(3, 2, Padding = "valid", Activation = Activation.Sigmoid)]
[Conv2DTranspose(2, 3, Strides = [2], OutputPadding = [1], Activation = Activation.Elu)]
[BatchNormalization]
[Flatten]
[Dense(3)]
public partial class ConvolutionStack;

/// <summary>Conv1D's paddings ('causal' with dilation, 'same' at stride 2), groups, and BatchNormalization over a non-channel axis.</summary>
[Input(9, 3)]
[Dense(4)]
[Conv1D(4, 3, Padding = "causal", DilationRate = [2], Activation = Activation.Relu)]
[Conv1D(4, 3, Padding = "same", Strides = [2], Groups = 2, Activation = Activation.Softplus)]
[Conv1D(3, 2, UseBias = false)]
[BatchNormalization(Axis = 1, Center = false)]
[Flatten]
[Dense(2)]
public partial class Convolution1DStack;

/// <summary>A 3×3 convolution Winograd runs (16 channels and filters): inference multiplies by the kernel it prepares once per weight change.</summary>
[Input(8, 8, 16)]
[Conv2D(16, 3, Padding = "same", Activation = Activation.Relu)]
public partial class WinogradConv;

/// <summary>The Keras reference cases conv2d_same_s1 and conv2d_valid_s1 (and the gradient case's 'same' convolution, two filters).</summary>
[Input(5, 5, 2)]
[Conv2D(3, 3, Padding = "same")]
public partial class KerasConvSame;

/// <summary>The Keras reference case conv2d_valid_s1.</summary>
[Input(5, 5, 2)]
[Conv2D(3, 3)]
public partial class KerasConvValid;

/// <summary>The Keras reference case grad_conv2d_same_s1_mse.</summary>
[Input(5, 5, 2)]
[Conv2D(2, 3, Padding = "same")]
public partial class KerasConvGradient;

/// <summary>The Keras reference case batchnorm_inference (4 features).</summary>
[Input(4)]
[BatchNormalization]
public partial class KerasBatchNorm4;

/// <summary>The Keras reference case batchnorm_training_step_rank2 (3 channels).</summary>
[Input(3)]
[BatchNormalization]
public partial class KerasBatchNorm3;

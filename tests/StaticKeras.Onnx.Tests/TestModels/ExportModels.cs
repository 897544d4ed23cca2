namespace StaticKeras.Onnx.Tests.TestModels;

/// <summary>Every activation module a Dense can end in, and the Activation layer over the rest.</summary>
[Input(5)]
[Dense(6, Activation = Activation.Gelu)]
[Dense(6, Activation = Activation.ApproximateGelu)]
[Dense(6, Activation = Activation.Selu)]
[Dense(6, Activation = Activation.Elu)]
[Dense(6, Activation = Activation.Celu)]
[Dense(6, Activation = Activation.Mish)]
[Dense(6, Activation = Activation.Silu)]
[Dense(6, Activation = Activation.HardSilu)]
[Dense(6, Activation = Activation.HardSigmoid)]
[Dense(6, Activation = Activation.HardTanh)]
[Dense(6, Activation = Activation.Softsign)]
[Dense(6, Activation = Activation.Softplus)]
[Dense(6, Activation = Activation.LogSigmoid)]
[Dense(6, Activation = Activation.LeakyRelu)]
[Dense(6, Activation = Activation.Relu6)]
[Activation(Activation.Tanh)]
[Activation(Activation.Exponential)]
[Dense(4, Activation = Activation.LogSoftmax)]
public partial class ActivationExport;

/// <summary>Merges, views, dropout, the activation layers and a nested block.</summary>
[Input(3, 4, Name = "x")]
[Dense(4, Name = "a", Activation = Activation.Relu)]
[Dropout(0.5, Name = "drop")]
[Add("x", "drop", Name = "sum")]
[Multiply("sum", "x", Name = "gated")]
[Concatenate("gated", "x", Axis = 1, Name = "joined")]
[ReLU(MaxValue = 6)]
[LeakyReLU(NegativeSlope = 0.1)]
[ELU(Alpha = 0.7)]
[PReLU(SharedAxes = [1], AlphaInitializer = "random_uniform")]
[Softmax(Axis = 1)]
[Reshape(4, 6)]
[Block<Sandwich>]
[Flatten]
[Dense(3, Activation = Activation.Softmax)]
public partial class LayerExport;

/// <summary>A block with its own residual, used inside <see cref="LayerExport"/>.</summary>
[Input(4, 6, Name = "in")]
[Dense(6, Name = "h", Activation = Activation.Swish)]
[Add("in", "h")]
public partial class Sandwich;

/// <summary>A user layer without an ONNX form.</summary>
[LayerShape("(*, d) -> (*, d)")]
public sealed class Twice : ILayer
{
    public static void Forward(in LayerContext c, ReadOnlySpan<float> x, Span<float> y) => System.Numerics.Tensors.TensorPrimitives.Multiply(x, 2f, y);

    public static void Backward(in LayerContext c, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        if (!dx.IsEmpty)
        {
            System.Numerics.Tensors.TensorPrimitives.Multiply(dy, 2f, dx);
        }
    }
}

/// <summary>A model ONNX cannot express all of.</summary>
[Input(4)]
[Dense(4)]
[Layer<Twice>(Name = "twice")]
public partial class NotExportable;

/// <summary>Every 2D convolution layer and BatchNormalization, for the export.</summary>
[Input(9, 8, 3)]
[Conv2D(4, 3, Strides = [2], Padding = "same", Activation = Activation.Relu)]
[Conv2D(4, 2, Padding = "same", DilationRate = [2], Groups = 2, Activation = Activation.Gelu)]
[DepthwiseConv2D(3, 2, DepthMultiplier = 2, Padding = "same", Activation = Activation.Tanh)]
[SeparableConv2D(3, 2, Activation = Activation.Sigmoid)]
[Conv2DTranspose(2, 3, Strides = [2], OutputPadding = [1], Activation = Activation.Elu)]
[Conv2DTranspose(2, 3, Strides = [2], Padding = "same")]
[BatchNormalization]
[Flatten]
[Dense(3)]
public partial class ConvolutionExport;

/// <summary>Conv1D's paddings, for the export.</summary>
[Input(12, 3)]
[Conv1D(4, 3, Padding = "causal", DilationRate = [2], Activation = Activation.Relu)]
[Conv1D(4, 3, Padding = "same", Strides = [2], Groups = 2)]
[Conv1D(2, 2, UseBias = false, Activation = Activation.Softmax)]
public partial class Convolution1DExport;

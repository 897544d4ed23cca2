using System.Linq;
using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers.Convolutional;

/// <summary>Keras's <c>Conv2DTranspose</c> arguments (keras/src/layers/convolutional/base_conv_transpose.py).</summary>
internal sealed record Conv2DTransposeConfig(
    int Filters,
    ConvWindowConfig Window,
    EquatableArray<int>? OutputPadding,
    ActivationSpec Activation,
    bool UseBias,
    string KernelInitializer,
    string BiasInitializer) : LayerConfig;

/// <summary>
/// <c>[Conv2DTranspose(32, 3, Strides = [2])]</c>: the transpose (gradient) of a convolution, which
/// upsamples; kernel <c>(kh, kw, filters, channels)</c> as Keras lays it out. Output size per axis
/// as Keras's <c>compute_conv_transpose_output_shape</c>, <c>OutputPadding</c> adding rows at the end.
/// Runs on <c>Conv2DTransposeKernel</c>, whose geometry is the adjoint convolution (from this
/// layer's output back to its input).
/// </summary>
internal sealed class Conv2DTranspose : LayerDescriptor<Conv2DTransposeConfig>
{
    private const string Example = "[Conv2DTranspose(32, 3, Strides = [2])]";
    private const string Kernel = LayerLowering.Kernels + "Conv2DTransposeKernel.";

    public override string AttributeName => "StaticKeras.Conv2DTransposeAttribute";

    public override string KerasClassName => "Conv2DTranspose";

    protected override Conv2DTransposeConfig? Parse(LayerArguments a)
    {
        int filters = a.PositiveInt("Filters", "the number of output channels", Example);
        ConvWindowConfig? window = ConvArguments.Window(a, 2, Example, "valid", "same");
        ActivationSpec? activation = a.Activation("Activation");
        bool useBias = a.Bool("UseBias", true);
        string kernel = a.Initializer("KernelInitializer", "glorot_uniform");
        string bias = a.Initializer("BiasInitializer", "zeros");
        int[]? outputPadding = null;
        if (a.Has("OutputPadding") && a.Spec.Find("OutputPadding")!.Value.Kind != ArgumentKind.Null)
        {
            outputPadding = a.Ints("OutputPadding");
            if (outputPadding is { Length: 1 })
            {
                outputPadding = new[] { outputPadding[0], outputPadding[0] };
            }

            if (outputPadding is null || outputPadding.Length != 2 || outputPadding.Any(p => p < 0))
            {
                a.Error(ErrorKind.InvalidHyperparameter, "OutputPadding", $"{a.Title}: OutputPadding needs one or two whole numbers from 0, each below its stride; got {a.Written("OutputPadding")}. For example [Conv2DTranspose(32, 3, Strides = [2], OutputPadding = [1])].");
                return null;
            }

            if (window is not null && outputPadding.Where((p, i) => p >= window.Strides[i]).Any())
            {
                a.Error(ErrorKind.InvalidHyperparameter, "OutputPadding", $"{a.Title}: OutputPadding ({string.Join(", ", outputPadding)}) must be below Strides ({string.Join(", ", window.Strides)}) on every axis, as Keras requires. Lower it, or raise the strides.");
                return null;
            }
        }

        return window is null || activation is null || filters == 0
            ? null
            : new Conv2DTransposeConfig(filters, window, outputPadding is null ? null : EquatableArray.Create(outputPadding), activation, useBias, kernel, bias);
    }

    protected override void Infer(Conv2DTransposeConfig c, LayerInference layer)
    {
        if (!ConvArguments.CheckInput(layer, 2, KerasClassName))
        {
            return;
        }

        Shape input = layer.Input;
        int[] output = new[] { Axis(c, 0, input[0]).Output, Axis(c, 1, input[1]).Output };
        if (!ConvArguments.CheckFits(layer, c.Window, input, output))
        {
            return;
        }

        int taps = c.Window.KernelSize[0] * c.Window.KernelSize[1];
        int channels = input.Last;

        // Keras's fans read the kernel's shape as it is: (kh, kw, filters, channels).
        layer.AddWeight("kernel", Shape.Of(c.Window.KernelSize[0], c.Window.KernelSize[1], c.Filters, channels), c.KernelInitializer, taps * c.Filters, taps * channels);
        if (c.UseBias)
        {
            layer.AddWeight("bias", Shape.Of(c.Filters), c.BiasInitializer, taps * c.Filters, taps * channels);
        }

        layer.SetOutput(Shape.Of(output[0], output[1], c.Filters), "KernelSize");
    }

    protected override void Lower(Conv2DTransposeConfig c, LayerLowering l)
    {
        Shape input = l.InputShape();
        ConvWindowConfig w = c.Window;
        OpArg geometry = ConvGeometryCode.Transpose()
            .With("height", input[0]).With("width", input[1]).With("channels", input[2]).With("filters", c.Filters)
            .With("kernelHeight", w.KernelSize[0]).With("kernelWidth", w.KernelSize[1])
            .With("strideHeight", w.Strides[0]).With("strideWidth", w.Strides[1])
            .With("dilationHeight", w.DilationRate[0]).With("dilationWidth", w.DilationRate[1])
            .WithCode("same", w.Padding == "same" ? "true" : "false")
            .WithCode("outputPaddingHeight", c.OutputPadding is { } p ? p[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")
            .WithCode("outputPaddingWidth", c.OutputPadding is { } q ? q[1].ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")
            .Field(l, $"{l.Layer.Path}: the adjoint of its {w.KernelText} transposed convolution, {l.OutputShape} back to {input}");
        OpArg scratch = l.Scratch(OpArg.Format(Kernel + "ScratchSize({0})", geometry));
        var activation = new ConvActivation(c.Activation, l, c.Filters);
        l.Forward(Kernel + "Forward", geometry, OpArg.Batch, l.Input(), l.Weight("kernel"), l.WeightOrDefault("bias"), activation.ConvOutput, activation.Relu, scratch);
        activation.Forward();
        activation.Backward();
        l.Backward(
            Kernel + "Backward",
            geometry, OpArg.Batch, l.Input(), l.Weight("kernel"), l.Output, l.OutputGradient,
            l.WeightGradient("kernel"), l.WeightGradientOrDefault("bias"), l.InputGradient(), l.Accumulate().Named("accumulateDx"), activation.Relu, scratch);
    }

    protected override ActivationSpec? Activation(Conv2DTransposeConfig c) => c.Activation;

    /// <remarks>Keras's own get_config leaves <c>output_padding</c> out (its constructor takes it); it is written, so a file saved here loads with it.</remarks>
    protected override void ToKeras(Conv2DTransposeConfig c, KerasConfigWriter k) => k
        .Int("filters", c.Filters).Window(c.Window).Ints("output_padding", c.OutputPadding).Activation("activation", c.Activation).Bool("use_bias", c.UseBias)
        .Initializer("kernel_initializer", c.KernelInitializer).Initializer("bias_initializer", c.BiasInitializer)
        .None("kernel_regularizer", "bias_regularizer", "kernel_constraint", "bias_constraint");

    public override void ReadKerasConfig(KerasConfigReader k)
    {
        k.Int("filters", "Filters");
        ConvArguments.ReadWindow(k);
        k.Ints("output_padding", "OutputPadding"); // None (Keras's default) leaves ours: none

        k.Activation("activation", "Activation");
        k.Bool("use_bias", "UseBias");
        k.Initializer("kernel_initializer", "KernelInitializer");
        k.Initializer("bias_initializer", "BiasInitializer");
        k.MustBeNone("kernel_regularizer", "bias_regularizer", "kernel_constraint", "bias_constraint");
    }

    protected override void Export(Conv2DTransposeConfig c, LayerLowering l)
    {
        if (OnnxForms.Activation(c.Activation, l) is { } activation)
        {
            string? outputPadding = c.OutputPadding is { } p ? $"[{p[0]}, {p[1]}]" : null;
            OpArg conv = Convolution.OnnxConvolution(c.Window, l.InputShape(), c.Filters, outputPadding: outputPadding);
            l.Export(LayerLowering.Onnx + "ConvTranspose", LayerLowering.Graph, l.Name, l.InputName(), conv, l.Weight("kernel"), l.WeightOrDefault("bias"), activation);
        }
    }

    private static (int Output, int Before, int After) Axis(Conv2DTransposeConfig c, int axis, int input) =>
        ConvWindow.Transpose(input, c.Window.KernelSize[axis], c.Window.Strides[axis], c.Window.DilationRate[axis], c.Window.Padding == "same", c.OutputPadding?[axis]);
}

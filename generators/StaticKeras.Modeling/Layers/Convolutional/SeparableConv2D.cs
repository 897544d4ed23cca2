using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers.Convolutional;

/// <summary>Keras's <c>SeparableConv2D</c> arguments (keras/src/layers/convolutional/base_separable_conv.py).</summary>
internal sealed record SeparableConv2DConfig(
    int Filters,
    ConvWindowConfig Window,
    int DepthMultiplier,
    ActivationSpec Activation,
    bool UseBias,
    string DepthwiseInitializer,
    string PointwiseInitializer,
    string BiasInitializer) : LayerConfig;

/// <summary>
/// <c>[SeparableConv2D(64, 3)]</c>: a depthwise convolution (the window; kernel
/// <c>depthwise_kernel (kh, kw, channels, depthMultiplier)</c>) then a 1×1 convolution to
/// <c>Filters</c> (<c>pointwise_kernel (1, 1, channels · depthMultiplier, filters)</c>), the bias and
/// activation after it, as Keras's <c>ops.separable_conv</c>. The depthwise result is kept for
/// the pointwise kernel's gradient.
/// </summary>
internal sealed class SeparableConv2D : LayerDescriptor<SeparableConv2DConfig>
{
    private const string Example = "[SeparableConv2D(64, 3)]";
    private const string Kernel = LayerLowering.Kernels + "Conv2DKernel.";

    public override string AttributeName => "StaticKeras.SeparableConv2DAttribute";

    public override string KerasClassName => "SeparableConv2D";

    protected override SeparableConv2DConfig? Parse(LayerArguments a)
    {
        int filters = a.PositiveInt("Filters", "the number of output channels", Example);
        ConvWindowConfig? window = ConvArguments.Window(a, 2, Example, "valid", "same");
        int multiplier = a.Has("DepthMultiplier") ? a.PositiveInt("DepthMultiplier", "the depthwise outputs per input channel", "[SeparableConv2D(64, 3, DepthMultiplier = 2)]") : 1;
        ActivationSpec? activation = a.Activation("Activation");
        bool useBias = a.Bool("UseBias", true);
        string depthwise = a.Initializer("DepthwiseInitializer", "glorot_uniform");
        string pointwise = a.Initializer("PointwiseInitializer", "glorot_uniform");
        string bias = a.Initializer("BiasInitializer", "zeros");
        return window is null || activation is null || filters == 0 || multiplier == 0
            ? null
            : new SeparableConv2DConfig(filters, window, multiplier, activation, useBias, depthwise, pointwise, bias);
    }

    protected override void Infer(SeparableConv2DConfig c, LayerInference layer)
    {
        if (!ConvArguments.CheckInput(layer, 2, KerasClassName))
        {
            return;
        }

        Shape input = layer.Input;
        int[] output = new[] { c.Window.Output(0, input[0]), c.Window.Output(1, input[1]) };
        if (!ConvArguments.CheckFits(layer, c.Window, input, output))
        {
            return;
        }

        int taps = c.Window.KernelSize[0] * c.Window.KernelSize[1];
        int channels = input.Last, middle = channels * c.DepthMultiplier;
        layer.AddWeight("depthwise_kernel", Shape.Of(c.Window.KernelSize[0], c.Window.KernelSize[1], channels, c.DepthMultiplier), c.DepthwiseInitializer, taps * channels, taps * c.DepthMultiplier);
        layer.AddWeight("pointwise_kernel", Shape.Of(1, 1, middle, c.Filters), c.PointwiseInitializer, middle, c.Filters);
        if (c.UseBias)
        {
            layer.AddWeight("bias", Shape.Of(c.Filters), c.BiasInitializer, middle, c.Filters);
        }

        layer.SetOutput(Shape.Of(output[0], output[1], c.Filters), "KernelSize");
    }

    protected override void Lower(SeparableConv2DConfig c, LayerLowering l)
    {
        Shape input = l.InputShape();
        Shape output = l.OutputShape;
        int middle = input.Last * c.DepthMultiplier;
        OpArg depthwise = l.Field(
            "_depthwise_geometry",
            LayerLowering.Kernels + "ConvGeometry",
            DepthwiseConv2D.Geometry(c.Window, input, c.DepthMultiplier).Expression,
            $"{l.Layer.Path}: its {c.Window.KernelText} depthwise step, {input} to ({output[0]}, {output[1]}, {middle})");
        OpArg pointwise = ConvGeometryCode.Conv2D()
            .With("height", output[0]).With("width", output[1]).With("channels", middle).With("filters", c.Filters).With("kernelHeight", 1).With("kernelWidth", 1)
            .Field(l, $"{l.Layer.Path}: its 1×1 pointwise step to {output}");
        OpArg scratch = l.Scratch(OpArg.Format(Kernel + "ScratchSize({0})", depthwise));
        l.Scratch(OpArg.Format(Kernel + "ScratchSize({0})", pointwise));
        OpArg middleBuffer = l.Buffer("depthwise", output[0] * output[1] * middle, "the depthwise step's output, for the pointwise kernel's gradient");
        var activation = new ConvActivation(c.Activation, l, c.Filters);
        OpArg none = OpArg.Code("default");

        l.Forward(Kernel + "Forward", depthwise, OpArg.Batch, l.Input(), l.Weight("depthwise_kernel"), none.Named("bias"), middleBuffer, OpArg.Code("false").Named("relu"), scratch);
        l.Forward(Kernel + "Forward", pointwise, OpArg.Batch, middleBuffer, l.Weight("pointwise_kernel"), l.WeightOrDefault("bias"), activation.ConvOutput, activation.Relu, scratch);
        activation.Forward();

        activation.Backward();
        OpArg middleGradient = l.Buffer("d_depthwise", output[0] * output[1] * middle, "dL/d(the depthwise step's output)");
        l.Backward(
            Kernel + "Backward",
            pointwise, OpArg.Batch, middleBuffer, l.Weight("pointwise_kernel"), l.Output, l.OutputGradient,
            l.WeightGradient("pointwise_kernel"), l.WeightGradientOrDefault("bias"), middleGradient, OpArg.Code("false").Named("accumulateDx"), activation.Relu, scratch);
        l.Backward(
            Kernel + "Backward",
            depthwise, OpArg.Batch, l.Input(), l.Weight("depthwise_kernel"), none.Named("y"), middleGradient,
            l.WeightGradient("depthwise_kernel"), none.Named("dBias"), l.InputGradient(), l.Accumulate().Named("accumulateDx"), OpArg.Code("false").Named("relu"), scratch);
    }

    protected override ActivationSpec? Activation(SeparableConv2DConfig c) => c.Activation;

    protected override void ToKeras(SeparableConv2DConfig c, KerasConfigWriter k) => k
        .Int("depth_multiplier", c.DepthMultiplier).Int("filters", c.Filters).Window(c.Window).Activation("activation", c.Activation).Bool("use_bias", c.UseBias)
        .Initializer("depthwise_initializer", c.DepthwiseInitializer).Initializer("pointwise_initializer", c.PointwiseInitializer).Initializer("bias_initializer", c.BiasInitializer)
        .None("depthwise_regularizer", "pointwise_regularizer", "bias_regularizer", "depthwise_constraint", "pointwise_constraint", "bias_constraint");

    public override void ReadKerasConfig(KerasConfigReader k)
    {
        k.Int("depth_multiplier", "DepthMultiplier");
        k.Int("filters", "Filters");
        ConvArguments.ReadWindow(k);
        k.Activation("activation", "Activation");
        k.Bool("use_bias", "UseBias");
        k.Initializer("depthwise_initializer", "DepthwiseInitializer");
        k.Initializer("pointwise_initializer", "PointwiseInitializer");
        k.Initializer("bias_initializer", "BiasInitializer");
        k.MustBeNone("depthwise_regularizer", "pointwise_regularizer", "bias_regularizer", "depthwise_constraint", "pointwise_constraint", "bias_constraint");
    }

    protected override void Export(SeparableConv2DConfig c, LayerLowering l)
    {
        if (OnnxForms.Activation(c.Activation, l) is { } activation)
        {
            Shape input = l.InputShape();
            Shape output = l.OutputShape;
            int middle = input.Last * c.DepthMultiplier;
            OpArg depthwise = Convolution.OnnxConvolution(c.Window, input, middle, groups: input.Last);
            var unit = new ConvWindowConfig(EquatableArray.Create(1, 1), EquatableArray.Create(1, 1), "valid", EquatableArray.Create(1, 1));
            OpArg pointwise = Convolution.OnnxConvolution(unit, Shape.Of(output[0], output[1], middle), c.Filters);
            OpArg depthwiseValue = OpArg.Format(
                LayerLowering.Onnx + "Conv(graph, {0}, {1}, {2}, {3}, default)",
                OpArg.Code(LayerLowering.Literal(l.Layer.Path + "/depthwise")), l.InputName(), depthwise, l.Weight("depthwise_kernel"));
            l.Export(LayerLowering.Onnx + "Conv", LayerLowering.Graph, l.Name, depthwiseValue, pointwise, l.Weight("pointwise_kernel"), l.WeightOrDefault("bias"), activation);
        }
    }
}

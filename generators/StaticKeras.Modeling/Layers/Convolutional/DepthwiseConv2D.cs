using System.Linq;
using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers.Convolutional;

/// <summary>Keras's <c>DepthwiseConv2D</c> arguments (keras/src/layers/convolutional/base_depthwise_conv.py).</summary>
internal sealed record DepthwiseConv2DConfig(
    ConvWindowConfig Window,
    int DepthMultiplier,
    ActivationSpec Activation,
    bool UseBias,
    string DepthwiseInitializer,
    string BiasInitializer) : LayerConfig;

/// <summary>
/// <c>[DepthwiseConv2D(3)]</c>: each input channel convolved on its own into
/// <c>DepthMultiplier</c> outputs, kernel <c>(kh, kw, channels, depthMultiplier)</c>, bias
/// <c>(channels · depthMultiplier,)</c>; output channel <c>c · depthMultiplier + m</c>. That kernel's
/// memory is a grouped convolution's with one channel per group, so it runs on <c>Conv2DKernel</c>
/// (its depthwise products) with the weights as Keras stores them.
/// </summary>
internal sealed class DepthwiseConv2D : LayerDescriptor<DepthwiseConv2DConfig>
{
    private const string Example = "[DepthwiseConv2D(3)]";

    public override string AttributeName => "StaticKeras.DepthwiseConv2DAttribute";

    public override string KerasClassName => "DepthwiseConv2D";

    protected override DepthwiseConv2DConfig? Parse(LayerArguments a)
    {
        ConvWindowConfig? window = ConvArguments.Window(a, 2, Example, "valid", "same");
        int multiplier = a.Has("DepthMultiplier") ? a.PositiveInt("DepthMultiplier", "the outputs per input channel", "[DepthwiseConv2D(3, DepthMultiplier = 2)]") : 1;
        ActivationSpec? activation = a.Activation("Activation");
        bool useBias = a.Bool("UseBias", true);
        string depthwise = a.Initializer("DepthwiseInitializer", "glorot_uniform");
        string bias = a.Initializer("BiasInitializer", "zeros");
        return window is null || activation is null || multiplier == 0 ? null : new DepthwiseConv2DConfig(window, multiplier, activation, useBias, depthwise, bias);
    }

    protected override void Infer(DepthwiseConv2DConfig c, LayerInference layer)
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
        int channels = input.Last;
        layer.AddWeight("kernel", Shape.Of(c.Window.KernelSize[0], c.Window.KernelSize[1], channels, c.DepthMultiplier), c.DepthwiseInitializer, taps * channels, taps * c.DepthMultiplier);
        if (c.UseBias)
        {
            layer.AddWeight("bias", Shape.Of(channels * c.DepthMultiplier), c.BiasInitializer, taps * channels, taps * c.DepthMultiplier);
        }

        layer.SetOutput(Shape.Of(output[0], output[1], channels * c.DepthMultiplier), "KernelSize");
    }

    protected override void Lower(DepthwiseConv2DConfig c, LayerLowering l)
    {
        Shape input = l.InputShape();
        OpArg geometry = Geometry(c.Window, input, c.DepthMultiplier)
            .Field(l, $"{l.Layer.Path}: {c.Window.KernelText} depthwise convolution of {input} to {l.OutputShape}");
        ConvLowering.Lower(l, geometry, c.Activation, l.OutputShape.Last, "kernel", prepare: false);
    }

    protected override ActivationSpec? Activation(DepthwiseConv2DConfig c) => c.Activation;

    protected override void Export(DepthwiseConv2DConfig c, LayerLowering l)
    {
        if (OnnxForms.Activation(c.Activation, l) is { } activation)
        {
            // ONNX's Conv with one group per channel: Keras's (kh, kw, C, M) kernel is the grouped (kh, kw, 1, C·M).
            Shape input = l.InputShape();
            OpArg conv = Convolution.OnnxConvolution(c.Window, input, input.Last * c.DepthMultiplier, groups: input.Last);
            l.Export(LayerLowering.Onnx + "Conv", LayerLowering.Graph, l.Name, l.InputName(), conv, l.Weight("kernel"), l.WeightOrDefault("bias"), activation);
        }
    }

    protected override void ToKeras(DepthwiseConv2DConfig c, KerasConfigWriter k) => k
        .Int("depth_multiplier", c.DepthMultiplier).Window(c.Window).Activation("activation", c.Activation).Bool("use_bias", c.UseBias)
        .Initializer("depthwise_initializer", c.DepthwiseInitializer).Initializer("bias_initializer", c.BiasInitializer)
        .None("depthwise_regularizer", "bias_regularizer", "depthwise_constraint", "bias_constraint");

    public override void ReadKerasConfig(KerasConfigReader k)
    {
        k.Int("depth_multiplier", "DepthMultiplier");
        ConvArguments.ReadWindow(k);
        k.Activation("activation", "Activation");
        k.Bool("use_bias", "UseBias");
        k.Initializer("depthwise_initializer", "DepthwiseInitializer");
        k.Initializer("bias_initializer", "BiasInitializer");
        k.MustBeNone("depthwise_regularizer", "bias_regularizer", "depthwise_constraint", "bias_constraint");
    }

    /// <summary>The depthwise geometry of a window over <paramref name="input"/> (SeparableConv2D's first step too).</summary>
    internal static ConvGeometryCode Geometry(ConvWindowConfig w, Shape input, int depthMultiplier)
    {
        (int top, int bottom) = w.Pads(0, input[0]);
        (int left, int right) = w.Pads(1, input[1]);
        return ConvGeometryCode.Depthwise()
            .With("height", input[0]).With("width", input[1]).With("channels", input[2]).With("depthMultiplier", depthMultiplier)
            .With("kernelHeight", w.KernelSize[0]).With("kernelWidth", w.KernelSize[1])
            .With("strideHeight", w.Strides[0], 1).With("strideWidth", w.Strides[1], 1)
            .With("dilationHeight", w.DilationRate[0], 1).With("dilationWidth", w.DilationRate[1], 1)
            .With("padTop", top, 0).With("padBottom", bottom, 0).With("padLeft", left, 0).With("padRight", right, 0);
    }
}

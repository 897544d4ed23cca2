using System.Linq;
using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers.Convolutional;

/// <summary>Keras's <c>Conv1D</c>/<c>Conv2D</c> arguments (keras/src/layers/convolutional/base_conv.py).</summary>
internal sealed record ConvConfig(
    int Filters,
    ConvWindowConfig Window,
    int Groups,
    ActivationSpec Activation,
    bool UseBias,
    string KernelInitializer,
    string BiasInitializer) : LayerConfig;

/// <summary>
/// What Conv1D and Conv2D share: <c>activation(conv(x, kernel) + bias)</c> channels-last, kernel
/// <c>(k..., in / groups, filters)</c> as Keras lays it out, bias <c>(filters,)</c>. Both run on
/// <c>Conv2DKernel</c> (a Conv1D is a convolution one row high); ReLU fuses into its epilogue.
/// </summary>
internal abstract class Convolution : LayerDescriptor<ConvConfig>
{
    /// <summary>Spatial axes.</summary>
    protected abstract int Rank { get; }

    /// <summary>The padding modes Keras accepts for the layer.</summary>
    protected abstract string[] Paddings { get; }

    /// <summary>The layer declared as an example for messages.</summary>
    protected abstract string Example { get; }

    protected override ConvConfig? Parse(LayerArguments a)
    {
        int filters = a.PositiveInt("Filters", "the number of output channels", Example);
        ConvWindowConfig? window = ConvArguments.Window(a, Rank, Example, Paddings);
        int groups = a.Int("Groups", 1);
        ActivationSpec? activation = a.Activation("Activation");
        bool useBias = a.Bool("UseBias", true);
        string kernel = a.Initializer("KernelInitializer", "glorot_uniform");
        string bias = a.Initializer("BiasInitializer", "zeros");
        if (groups < 1 || (filters > 0 && filters % groups != 0))
        {
            a.Error(ErrorKind.InvalidHyperparameter, "Groups", $"{a.Title}: Groups ({groups}) must be at least 1 and divide Filters ({filters}). Choose a divisor of {filters}, or 1 for an ordinary convolution.");
            return null;
        }

        return window is null || activation is null || filters == 0 ? null : new ConvConfig(filters, window, groups, activation, useBias, kernel, bias);
    }

    protected override void Infer(ConvConfig c, LayerInference layer)
    {
        if (!ConvArguments.CheckInput(layer, Rank, KerasClassName))
        {
            return;
        }

        Shape input = layer.Input;
        int channels = input.Last;
        if (channels % c.Groups != 0)
        {
            layer.Error(ErrorKind.IncompatibleInput, "Groups", $"{layer.Title}: Groups ({c.Groups}) must divide the input's {channels} channels ('{layer.InputName(0)}' is {input}). Choose a common divisor of {channels} and {c.Filters}.");
            return;
        }

        int[] output = Enumerable.Range(0, Rank).Select(i => c.Window.Output(i, input[i])).ToArray();
        if (!ConvArguments.CheckFits(layer, c.Window, input, output))
        {
            return;
        }

        int taps = c.Window.KernelSize.Aggregate(1, (p, k) => p * k);
        int inputsPerGroup = channels / c.Groups;
        layer.AddWeight("kernel", Shape.Of(c.Window.KernelSize.Concat(new[] { inputsPerGroup, c.Filters }).ToArray()), c.KernelInitializer, taps * inputsPerGroup, taps * c.Filters);
        if (c.UseBias)
        {
            layer.AddWeight("bias", Shape.Of(c.Filters), c.BiasInitializer, taps * inputsPerGroup, taps * c.Filters);
        }

        layer.SetOutput(Shape.Of(output.Concat(new[] { c.Filters }).ToArray()), "KernelSize");
    }

    protected override void Lower(ConvConfig c, LayerLowering l)
    {
        Shape input = l.InputShape();
        OpArg geometry = Geometry(c, input).Field(l, $"{l.Layer.Path}: {c.Window.KernelText} convolution of {input} to {l.OutputShape}");
        ConvLowering.Lower(l, geometry, c.Activation, c.Filters, "kernel", MayPrepareKernel(c, l.InputShape()));
    }

    protected override ActivationSpec? Activation(ConvConfig c) => c.Activation;

    protected override void Export(ConvConfig c, LayerLowering l)
    {
        if (OnnxForms.Activation(c.Activation, l) is { } activation)
        {
            Shape input = l.InputShape();
            l.Export(
                LayerLowering.Onnx + "Conv",
                LayerLowering.Graph, l.Name, l.InputName(), OnnxConvolution(c, input), l.Weight("kernel"), l.WeightOrDefault("bias"), activation);
        }
    }

    protected override void ToKeras(ConvConfig c, KerasConfigWriter k) => k
        .Int("filters", c.Filters).Window(c.Window).Int("groups", c.Groups).Activation("activation", c.Activation).Bool("use_bias", c.UseBias)
        .Initializer("kernel_initializer", c.KernelInitializer).Initializer("bias_initializer", c.BiasInitializer)
        .None("kernel_regularizer", "bias_regularizer", "kernel_constraint", "bias_constraint");

    public override void ReadKerasConfig(KerasConfigReader k)
    {
        k.Int("filters", "Filters");
        ConvArguments.ReadWindow(k);
        k.Int("groups", "Groups");
        k.Activation("activation", "Activation");
        k.Bool("use_bias", "UseBias");
        k.Initializer("kernel_initializer", "KernelInitializer");
        k.Initializer("bias_initializer", "BiasInitializer");
        k.MustBeNone("kernel_regularizer", "bias_regularizer", "kernel_constraint", "bias_constraint", "lora_rank", "lora_alpha", "dora_rank", "dora_alpha");
    }

    /// <summary>The kernel's geometry for an input of shape <paramref name="input"/>.</summary>
    protected abstract ConvGeometryCode Geometry(ConvConfig c, Shape input);

    /// <summary>The ONNX writer's settings of a convolution, as code.</summary>
    internal static OpArg OnnxConvolution(ConvWindowConfig window, Shape input, int filters, int groups = 1, string? outputPadding = null)
    {
        string spatial = "[" + string.Join(", ", input.Dims.Take(window.Rank)) + "]";
        string settings = $"new global::StaticKeras.Onnx.OnnxConvolution({spatial}, {input.Last}, {filters}, [{string.Join(", ", window.KernelSize)}])"
            + $" {{ Strides = [{string.Join(", ", window.Strides)}], DilationRate = [{string.Join(", ", window.DilationRate)}], Padding = {LayerLowering.Literal(window.Padding)}"
            + (groups == 1 ? string.Empty : $", Groups = {groups}")
            + (outputPadding is null ? string.Empty : $", OutputPadding = {outputPadding}")
            + " }";
        return OpArg.Code(settings);
    }

    private static OpArg OnnxConvolution(ConvConfig c, Shape input) => OnnxConvolution(c.Window, input, c.Filters, c.Groups);

    /// <summary>
    /// Whether the runtime multiplies by a transformed kernel: Winograd's conditions (3×3, unit
    /// strides and dilation, one group, at least 16 channels and filters, as the runtime's
    /// <c>WinogradProducts.Applies</c>); otherwise the pass would carry an empty prepared kernel.
    /// </summary>
    private bool MayPrepareKernel(ConvConfig c, Shape input) =>
        Rank == 2 && c.Groups == 1 && input[input.Rank - 1] >= 16 && c.Filters >= 16 && c.Window.KernelSize.All(k => k == 3) && c.Window.Strides.All(s => s == 1) && c.Window.DilationRate.All(d => d == 1);
}

/// <summary><c>[Conv2D(filters, kernelSize)]</c>: Keras's 2D convolution over <c>(height, width, channels)</c>.</summary>
internal sealed class Conv2D : Convolution
{
    public override string AttributeName => "StaticKeras.Conv2DAttribute";

    public override string KerasClassName => "Conv2D";

    protected override int Rank => 2;

    protected override string[] Paddings => new[] { "valid", "same" };

    protected override string Example => "[Conv2D(32, 3)]";

    protected override ConvGeometryCode Geometry(ConvConfig c, Shape input)
    {
        ConvWindowConfig w = c.Window;
        (int top, int bottom) = w.Pads(0, input[0]);
        (int left, int right) = w.Pads(1, input[1]);
        return ConvGeometryCode.Conv2D()
            .With("height", input[0]).With("width", input[1]).With("channels", input[2]).With("filters", c.Filters)
            .With("kernelHeight", w.KernelSize[0]).With("kernelWidth", w.KernelSize[1])
            .With("strideHeight", w.Strides[0], 1).With("strideWidth", w.Strides[1], 1)
            .With("dilationHeight", w.DilationRate[0], 1).With("dilationWidth", w.DilationRate[1], 1)
            .With("padTop", top, 0).With("padBottom", bottom, 0).With("padLeft", left, 0).With("padRight", right, 0)
            .With("groups", c.Groups, 1);
    }
}

/// <summary><c>[Conv1D(filters, kernelSize)]</c>: Keras's 1D convolution over <c>(steps, channels)</c>; <c>causal</c> padding looks back only.</summary>
internal sealed class Conv1D : Convolution
{
    public override string AttributeName => "StaticKeras.Conv1DAttribute";

    public override string KerasClassName => "Conv1D";

    protected override int Rank => 1;

    protected override string[] Paddings => new[] { "valid", "same", "causal" };

    protected override string Example => "[Conv1D(32, 3)]";

    protected override ConvGeometryCode Geometry(ConvConfig c, Shape input)
    {
        ConvWindowConfig w = c.Window;
        (int before, int after) = w.Pads(0, input[0]);
        return ConvGeometryCode.Conv1D()
            .With("length", input[0]).With("channels", input[1]).With("filters", c.Filters).With("kernelSize", w.KernelSize[0])
            .With("stride", w.Strides[0], 1).With("dilation", w.DilationRate[0], 1)
            .With("padBefore", before, 0).With("padAfter", after, 0).With("groups", c.Groups, 1);
    }
}

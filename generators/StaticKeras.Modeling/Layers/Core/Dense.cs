using System.Collections.Generic;
using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers.Core;

/// <summary>Keras's <c>Dense</c> arguments (keras/src/layers/core/dense.py).</summary>
internal sealed record DenseConfig(int Units, ActivationSpec Activation, bool UseBias, string KernelInitializer, string BiasInitializer) : LayerConfig;

/// <summary>
/// <c>[Dense(units)]</c>: <c>activation(x · kernel + bias)</c> on the last axis, kernel
/// <c>(in, units)</c>, bias <c>(units,)</c>. One GEMM with the bias and an elementwise activation
/// in its epilogue forward; the activation's derivative and two GEMMs backward.
/// </summary>
internal sealed class Dense : LayerDescriptor<DenseConfig>
{
    public override string AttributeName => "StaticKeras.DenseAttribute";

    public override string KerasClassName => "Dense";

    protected override DenseConfig? Parse(LayerArguments a)
    {
        int units = a.PositiveInt("Units", "the number of output features", "[Dense(64)]");
        ActivationSpec? activation = a.Activation("Activation");
        bool useBias = a.Bool("UseBias", true);
        string kernel = a.Initializer("KernelInitializer", "glorot_uniform");
        string bias = a.Initializer("BiasInitializer", "zeros");
        return activation is null ? null : new DenseConfig(units, activation, useBias, kernel, bias);
    }

    protected override void Infer(DenseConfig c, LayerInference layer)
    {
        int inputs = layer.Input.Last;
        layer.AddWeight("kernel", Shape.Of(inputs, c.Units), c.KernelInitializer, inputs, c.Units);
        if (c.UseBias)
        {
            layer.AddWeight("bias", Shape.Of(c.Units), c.BiasInitializer, inputs, c.Units);
        }

        layer.SetOutput(layer.Input.WithLast(c.Units), "Units");
    }

    protected override void Lower(DenseConfig c, LayerLowering l)
    {
        Shape input = l.InputShape();
        int rows = input.Size / input.Last;
        string activation = c.Activation.TypeName;
        if (!c.Activation.IsLinear)
        {
            l.Describe(c.Activation.KerasName);
        }

        // An activation whose derivative needs its input keeps the pre-activation for backward.
        bool keepPreActivation = l.Training && c.Activation.Derivative == DerivativeSource.FromInput;
        OpArg preActivation = keepPreActivation
            ? l.Buffer("pre_activation", l.OutputShape.Size, "x · kernel + bias, for the activation's derivative")
            : OpArg.Code("default");
        var forward = new List<OpArg> { l.Input(), l.Weight("kernel"), l.WeightOrDefault("bias"), l.Output, OpArg.PerBatch(rows), OpArg.Int(input.Last), OpArg.Int(c.Units) };
        if (keepPreActivation)
        {
            forward.Add(preActivation);
        }

        l.Forward($"{LayerLowering.Kernels}DenseKernel.Forward<{activation}>", forward.ToArray());
        l.Backward(
            $"{LayerLowering.Kernels}DenseKernel.Backward<{activation}>",
            l.Input(), l.Weight("kernel"), preActivation, l.Output, l.OutputGradient,
            l.WeightGradient("kernel"), l.WeightGradientOrDefault("bias"), l.InputGradient(), l.Accumulate().Named("accumulateDx"),
            OpArg.PerBatch(rows), OpArg.Int(input.Last), OpArg.Int(c.Units), l.PreActivationFlag.Named("dyIsPreActivation"));
    }

    protected override ActivationSpec? Activation(DenseConfig c) => c.Activation;

    protected override void Export(DenseConfig c, LayerLowering l)
    {
        if (OnnxForms.Activation(c.Activation, l) is { } activation)
        {
            Shape input = l.InputShape();
            l.Export(
                $"{LayerLowering.Onnx}Dense",
                LayerLowering.Graph, l.Name, l.InputName(), l.Weight("kernel"), l.WeightOrDefault("bias"), OpArg.Int(input.Last), OpArg.Int(c.Units), activation, OpArg.Int(input.Rank + 1).Named("rank"));
        }
    }

    /// <summary>keras/src/layers/core/dense.py, <c>get_config</c>.</summary>
    protected override void ToKeras(DenseConfig c, KerasConfigWriter k) => k
        .Int("units", c.Units).Activation("activation", c.Activation).Bool("use_bias", c.UseBias)
        .Initializer("kernel_initializer", c.KernelInitializer).Initializer("bias_initializer", c.BiasInitializer)
        .None("kernel_regularizer", "bias_regularizer", "kernel_constraint", "bias_constraint");

    public override void ReadKerasConfig(KerasConfigReader k)
    {
        k.Int("units", "Units");
        k.Activation("activation", "Activation");
        k.Bool("use_bias", "UseBias");
        k.Initializer("kernel_initializer", "KernelInitializer");
        k.Initializer("bias_initializer", "BiasInitializer");
        k.MustBeNone("kernel_regularizer", "bias_regularizer", "kernel_constraint", "bias_constraint", "quantization_config", "lora_rank");
    }
}

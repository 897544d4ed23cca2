using System.Linq;
using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Layers.Merging;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Layers.Activations;

/// <summary>Keras's <c>Softmax(axis=-1)</c>; on the last axis it is the softmax module, which losses fuse with.</summary>
internal sealed record SoftmaxConfig(int Axis, ActivationSpec? LastAxisSoftmax) : LayerConfig;

/// <summary><c>[Softmax(Axis = 1)]</c>: a stable softmax along one axis of the sample.</summary>
internal sealed class Softmax : LayerDescriptor<SoftmaxConfig>
{
    public override string AttributeName => "StaticKeras.SoftmaxAttribute";

    public override string KerasClassName => "Softmax";

    protected override SoftmaxConfig Parse(LayerArguments a) => new(a.Int("Axis", -1), a.BuiltInActivation("softmax"));

    protected override void Infer(SoftmaxConfig c, LayerInference layer)
    {
        if (Concatenate.SampleAxis(c.Axis, layer.Input.Rank) < 0)
        {
            layer.Error(ErrorKind.InvalidHyperparameter, "Axis", $"{layer.Title}: Axis {c.Axis} is outside its input's axes; for input {layer.Input} use 1..{layer.Input.Rank} or -{layer.Input.Rank}..-1 (axis 0 is the batch).");
            return;
        }

        layer.SetOutput(layer.Input);
    }

    protected override void Lower(SoftmaxConfig c, LayerLowering l)
    {
        Shape shape = l.OutputShape;
        int axis = Concatenate.SampleAxis(c.Axis, shape.Rank);
        OpArg outer = OpArg.PerBatch(shape.Dims.Take(axis).Aggregate(1, (p, d) => p * d));
        OpArg length = OpArg.Int(shape[axis]);
        OpArg inner = OpArg.Int(shape.Dims.Skip(axis + 1).Aggregate(1, (p, d) => p * d));
        l.Forward($"{LayerLowering.Kernels}SoftmaxKernel.Forward", l.Input(), l.Output, outer, length, inner);
        if (l.NeedsInputGradient())
        {
            l.Backward($"{LayerLowering.Kernels}SoftmaxKernel.Backward", l.Output, l.OutputGradient, l.InputGradient(), outer, length, inner);
        }
    }

    protected override ActivationSpec? Activation(SoftmaxConfig c) =>
        c.Axis == -1 ? c.LastAxisSoftmax : null;

    protected override void Export(SoftmaxConfig c, LayerLowering l)
    {
        int axis = Concatenate.SampleAxis(c.Axis, l.OutputShape.Rank) + 1;
        l.Export("graph.AddNode", OpArg.Code("\"Softmax\""), l.Name, OpArg.Format("[{0}]", l.InputName()), OpArg.Code($"global::StaticKeras.Onnx.OnnxAttribute.Int(\"axis\", {axis})"));
    }

    /// <summary>keras/src/layers/activations/softmax.py, <c>get_config</c>.</summary>
    protected override void ToKeras(SoftmaxConfig c, KerasConfigWriter k) => k.Int("axis", c.Axis);

    public override void ReadKerasConfig(KerasConfigReader k) => k.Int("axis", "Axis");
}

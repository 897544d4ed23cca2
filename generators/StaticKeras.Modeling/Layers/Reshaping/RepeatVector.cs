using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Keras;

namespace StaticKeras.Modeling.Layers.Reshaping;

/// <summary>Keras's <c>RepeatVector(n)</c> argument.</summary>
internal sealed record RepeatVectorConfig(int N) : LayerConfig;

/// <summary>
/// <c>[RepeatVector(n)]</c> (keras/src/layers/reshaping/repeat_vector.py): <c>(features,)</c>
/// becomes <c>(n, features)</c>, lowered to <c>RepeatVectorKernel</c> (backward sums the copies).
/// </summary>
internal sealed class RepeatVector : LayerDescriptor<RepeatVectorConfig>
{
    public override string AttributeName => "StaticKeras.RepeatVectorAttribute";

    public override string KerasClassName => "RepeatVector";

    protected override RepeatVectorConfig? Parse(LayerArguments a)
    {
        int n = a.PositiveInt("N", "the number of copies", "[RepeatVector(3)]");
        return a.Failed ? null : new RepeatVectorConfig(n);
    }

    protected override void Infer(RepeatVectorConfig c, LayerInference layer)
    {
        if (layer.Input.Rank != 1)
        {
            layer.Error(ErrorKind.IncompatibleInput, null, $"{layer.Title} needs vectors (None, features), but its input is {layer.Input}. Insert [Flatten] before it.");
            return;
        }

        layer.SetOutput(Shape.Of(c.N, layer.Input[0]), "N");
    }

    protected override void Lower(RepeatVectorConfig c, LayerLowering l)
    {
        OpArg features = OpArg.Int(l.InputShape()[0]), n = OpArg.Int(c.N);
        l.Forward($"{LayerLowering.Kernels}RepeatVectorKernel.Forward", OpArg.Batch, features, n, l.Input(), l.Output);
        if (l.NeedsInputGradient())
        {
            l.Backward($"{LayerLowering.Kernels}RepeatVectorKernel.Backward", OpArg.Batch, features, n, l.OutputGradient, l.InputGradient(), l.Accumulate().Named("accumulate"));
        }
    }

    protected override void Export(RepeatVectorConfig c, LayerLowering l)
    {
        // (N, F) -> (N, 1, F), then ONNX Expand broadcasts the 1 to n.
        int features = l.InputShape()[0];
        OpArg row = OpArg.Code(LayerLowering.Literal(l.Layer.Path + "/row"));
        l.Export($"{LayerLowering.Onnx}Reshape", LayerLowering.Graph, row, l.InputName(), OnnxForms.Ints(new[] { 1, features }));
        OpArg shape = OpArg.Code($"graph.AddInitializer(global::StaticKeras.Onnx.OnnxTensor.Int64Vector({LayerLowering.Literal(l.Layer.Path + "/shape")}, [1, {c.N}, {features}]))");
        l.Export("graph.AddNode", OpArg.Code("\"Expand\""), l.Name, OpArg.Format("[{0}, {1}]", row, shape));
    }

    protected override void ToKeras(RepeatVectorConfig c, KerasConfigWriter k) => k.Int("n", c.N);

    public override void ReadKerasConfig(KerasConfigReader k) => k.Int("n", "N");
}

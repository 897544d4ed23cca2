using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Layers.Core;

/// <summary><c>[Flatten]</c>: one sample becomes a vector; row-major, so the output views the input.</summary>
internal sealed class Flatten : LayerDescriptor<NoConfig>
{
    public override string AttributeName => "StaticKeras.FlattenAttribute";

    public override string KerasClassName => "Flatten";

    protected override NoConfig Parse(LayerArguments a) => NoConfig.Instance;

    protected override void Infer(NoConfig c, LayerInference layer) => layer.SetOutput(Shape.Of(layer.Input.Size));

    protected override void Lower(NoConfig c, LayerLowering l) => l.AliasInput();

    protected override void Export(NoConfig c, LayerLowering l) =>
        l.Export($"{LayerLowering.Onnx}Flatten", LayerLowering.Graph, l.Name, l.InputName());

    /// <summary>keras/src/layers/reshaping/flatten.py: only <c>data_format</c>, channels_last here.</summary>
    protected override void ToKeras(NoConfig c, KerasConfigWriter k) => k.Text("data_format", "channels_last");

    public override void ReadKerasConfig(KerasConfigReader k) => k.MustBe("data_format", "channels_last");
}

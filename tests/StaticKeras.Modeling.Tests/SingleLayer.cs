using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using static StaticKeras.Modeling.Tests.Specs;

namespace StaticKeras.Modeling.Tests;

/// <summary>A model of one input and one layer, for the layer tests: its shapes, its one error, its lowering.</summary>
internal static class SingleLayer
{
    /// <summary>Infers <c>[Input(input)]</c> then the layer.</summary>
    public static ModelGraph Infer(int[] input, string layer, params (string, object)[] args) =>
        ShapeInference.Infer(Model(Layer("Input", ("Shape", input)), Layer(layer, args)));

    /// <summary>The one error the layer gets.</summary>
    public static ModelError Error(int[] input, string layer, params (string, object)[] args) => Assert.Single(Infer(input, layer, args).Errors);

    /// <summary>The layer's lowering for one pass, with every input needing its gradient.</summary>
    public static LayerLowering Lower(ModelGraph graph, bool training)
    {
        LayerNode layer = graph.Output;
        var lowering = new LayerLowering(graph, layer, training, _ => true, _ => 0);
        layer.Descriptor.LowerOps(layer.Config, lowering);
        return lowering;
    }
}

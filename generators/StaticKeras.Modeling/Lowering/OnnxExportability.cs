using StaticKeras.Modeling.Shapes;

namespace StaticKeras.Modeling.Lowering;

/// <summary>Whether a model can be exported to ONNX, from its layers' descriptors: what the analyzers warn about at an export call.</summary>
internal static class OnnxExportability
{
    /// <summary>The first layer (in evaluation order) ONNX cannot express, and why; null when every layer can be exported.</summary>
    public static (LayerNode Layer, string Reason)? FirstProblem(ModelGraph graph)
    {
        foreach (int i in graph.Order)
        {
            LayerNode layer = graph.Layers[i];
            var export = new LayerLowering(graph, layer, training: false, _ => false, _ => 0);
            layer.Descriptor.LowerExport(layer.Config, export);
            if (export.ExportProblem is { } reason)
            {
                return (layer, reason);
            }
        }

        return null;
    }
}

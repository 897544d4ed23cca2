using System.Linq;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Keras;

/// <summary>The graph of an imported Keras file: inferred like any declaration, or, when the file could not be imported, a graph holding why.</summary>
internal static class KerasImportGraph
{
    public static ModelGraph Of(KerasImport import)
    {
        if (import.Spec is { } spec)
        {
            return ShapeInference.Infer(spec);
        }

        var errors = import.Problems.Select(p => new ModelError(ErrorKind.InvalidModule, -1, null, p)).ToEquatableArray();
        return new ModelGraph(import.Request.Type, EquatableArray<LayerNode>.Empty, EquatableArray<int>.Empty, EquatableArray<int>.Empty, -1, errors, import.Request.Issues);
    }
}

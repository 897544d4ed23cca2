using System.Collections.Generic;

namespace StaticKeras.Onnx;

/// <summary>A graph input or output: its name, element type and shape (dimensions may be symbolic).</summary>
/// <param name="Name">The value's name.</param>
/// <param name="ElementType">The element type.</param>
/// <param name="Shape">The dimensions, the batch first for a StaticKeras model.</param>
public sealed record OnnxValueInfo(string Name, OnnxDataType ElementType, IReadOnlyList<OnnxDim> Shape)
{
    /// <summary>Documentation stored with the value (<c>doc_string</c>), or null.</summary>
    public string? DocString { get; init; }
}

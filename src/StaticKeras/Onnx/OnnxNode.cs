using System;
using System.Collections.Generic;

namespace StaticKeras.Onnx;

/// <summary>
/// One operator call: its type, its name (a Keras layer's name, or <c>layer/op</c> when a layer
/// needs several nodes), the values it reads and writes, and its attributes.
/// </summary>
/// <param name="OpType">The operator (<c>Gemm</c>, <c>Relu</c>, ...).</param>
/// <param name="Name">The node's name, unique in the graph.</param>
/// <param name="Inputs">Value names read; an empty string skips an optional input.</param>
/// <param name="Outputs">Value names written; each is written by one node only.</param>
/// <param name="Attributes">The operator's attributes.</param>
public sealed record OnnxNode(
    string OpType,
    string Name,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyList<OnnxAttribute> Attributes)
{
    /// <summary>The operator set's domain; empty for the standard <c>ai.onnx</c> operators.</summary>
    public string Domain { get; init; } = string.Empty;

    /// <summary>Documentation stored with the node (<c>doc_string</c>), or null.</summary>
    public string? DocString { get; init; }

    /// <summary>The node's attributes, when there are none.</summary>
    public static IReadOnlyList<OnnxAttribute> NoAttributes { get; } = Array.Empty<OnnxAttribute>();
}

using System;

namespace StaticKeras.Onnx;

/// <summary>A layer, activation or setting that ONNX cannot express; the message names it and says why.</summary>
public sealed class OnnxExportException : NotSupportedException
{
    /// <summary>Creates the exception for layer <paramref name="layer"/>.</summary>
    public OnnxExportException(string layer, string message)
        : base($"Layer '{layer}' cannot be exported to ONNX: {message}")
    {
        Layer = layer;
    }

    /// <summary>The layer at fault.</summary>
    public string Layer { get; }
}

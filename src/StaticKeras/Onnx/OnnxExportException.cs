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

    /// <summary>Throws the exception; what a generated export calls for a layer it cannot write.</summary>
    /// <param name="layer">The layer at fault.</param>
    /// <param name="message">Why.</param>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Throw(string layer, string message) => throw new OnnxExportException(layer, message);
}

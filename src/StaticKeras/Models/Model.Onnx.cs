using System;
using System.IO;
using StaticKeras.Onnx;

namespace StaticKeras;

public abstract partial class Model
{
    /// <summary>
    /// Keras's <c>model.export(path, format="onnx")</c>: writes the model with its current weights
    /// as an ONNX file for ONNX Runtime and other tools: opset <paramref name="opset"/>, a symbolic
    /// batch dimension, layer names as node names, Keras's weight layouts converted to ONNX's. The
    /// file is written atomically (a temporary file, then renamed over the old one).
    /// </summary>
    /// <param name="path">The <c>.onnx</c> file to write.</param>
    /// <param name="opset">The ONNX opset to import, 17 to 23 (Gelu and Mish get their own operators from 20 and 18).</param>
    /// <exception cref="OnnxExportException">A layer ONNX cannot express (a user layer without an ONNX form, a user activation); names it.</exception>
    public void ExportOnnx(string path, int opset = OnnxOpsets.Default) => Onnx(opset).Save(path);

    /// <summary>Writes the ONNX model to <paramref name="destination"/>.</summary>
    /// <inheritdoc cref="ExportOnnx(string, int)"/>
    public void ExportOnnx(Stream destination, int opset = OnnxOpsets.Default) => Onnx(opset).WriteTo(destination);

    /// <summary>
    /// Writes the model's layers into <paramref name="graph"/>; the generator implements it from
    /// each layer's ONNX form.
    /// </summary>
    /// <param name="graph">The graph to fill.</param>
    protected virtual void BuildOnnx(OnnxGraphBuilder graph) =>
        throw new NotSupportedException($"Model '{Name}' was generated without an ONNX export.");

    private OnnxGraphBuilder Onnx(int opset)
    {
        var graph = new OnnxGraphBuilder(Name) { Opset = opset, DocString = SummaryText() };
        gate.EnterRead();
        try
        {
            BuildOnnx(graph);
        }
        finally
        {
            gate.ExitRead();
        }

        return graph;
    }
}

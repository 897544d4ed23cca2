using System;
using System.Collections.Generic;
using System.IO;

namespace StaticKeras.Onnx;

/// <summary>
/// Builds one ONNX model: graph inputs and outputs, constant initializers and a list of nodes in
/// execution order, then writes it in ONNX's protobuf format with no dependency. A StaticKeras
/// model is described as its layers in order: each layer helper of <see cref="OnnxLayers"/> reads
/// the previous layer's output value and returns the name of its own.
/// </summary>
/// <example>
/// <code>
/// var g = new OnnxGraphBuilder("mlp");
/// string x = g.AddInput("input_layer", [OnnxDim.Batch, 784]);
/// x = g.Dense("dense", x, kernel, bias, inputs: 784, units: 128, activation: "relu");
/// x = g.Dense("dense_1", x, kernel1, bias1, inputs: 128, units: 10, activation: "softmax");
/// g.AddOutput(x, [OnnxDim.Batch, 10]);
/// g.Save("mlp.onnx");
/// </code>
/// </example>
public sealed partial class OnnxGraphBuilder
{
    private readonly List<OnnxValueInfo> inputs = [];
    private readonly List<OnnxValueInfo> outputs = [];
    private readonly List<OnnxTensor> initializers = [];
    private readonly List<OnnxNode> nodes = [];
    private readonly HashSet<string> values = new(StringComparer.Ordinal);

    /// <summary>Starts an empty graph named <paramref name="graphName"/> (Keras's model name).</summary>
    public OnnxGraphBuilder(string graphName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(graphName);
        GraphName = graphName;
    }

    /// <summary>The graph's name.</summary>
    public string GraphName { get; }

    /// <summary>
    /// The <c>ai.onnx</c> opset imported, from <see cref="OnnxOpsets.Minimum"/> to
    /// <see cref="OnnxOpsets.Maximum"/>; the layer helpers use newer operators (<c>Gelu</c>) when
    /// it allows them and compositions of older ones otherwise.
    /// </summary>
    public int Opset
    {
        get;
        set
        {
            if (value is < OnnxOpsets.Minimum or > OnnxOpsets.Maximum)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"The ONNX writer imports opsets {OnnxOpsets.Minimum} to {OnnxOpsets.Maximum}; {value} is outside them.");
            }

            field = value;
        }
    } = OnnxOpsets.Default;

    /// <summary>The tool that wrote the model (<c>producer_name</c>).</summary>
    public string ProducerName { get; set; } = "StaticKeras";

    /// <summary>The tool's version (<c>producer_version</c>).</summary>
    public string ProducerVersion { get; set; } = typeof(OnnxGraphBuilder).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Documentation stored with the model (<c>doc_string</c>), for example the Keras summary table.</summary>
    public string? DocString { get; set; }

    /// <summary>The graph inputs, in order.</summary>
    public IReadOnlyList<OnnxValueInfo> Inputs => inputs;

    /// <summary>The graph outputs, in order.</summary>
    public IReadOnlyList<OnnxValueInfo> Outputs => outputs;

    /// <summary>The constant tensors (weights, shapes, axes), in order.</summary>
    public IReadOnlyList<OnnxTensor> Initializers => initializers;

    /// <summary>The nodes, in execution order.</summary>
    public IReadOnlyList<OnnxNode> Nodes => nodes;

    /// <summary>Whether a value of that name exists yet (an input, an initializer or a node's output).</summary>
    public bool HasValue(string name) => values.Contains(name);

    /// <summary>Declares a float graph input; returns its name, for the first layer to read.</summary>
    /// <exception cref="ArgumentException">A value of that name already exists.</exception>
    public string AddInput(string name, IReadOnlyList<OnnxDim> shape, OnnxDataType elementType = OnnxDataType.Float)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Define(name, "graph input");
        inputs.Add(new OnnxValueInfo(name, elementType, [.. shape]));
        return name;
    }

    /// <summary>Declares that the value <paramref name="name"/> (a node's output) is a graph output.</summary>
    /// <remarks>Whether a node writes it is checked when the model is written, so outputs may be declared first.</remarks>
    public void AddOutput(string name, IReadOnlyList<OnnxDim> shape, OnnxDataType elementType = OnnxDataType.Float)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(shape);
        outputs.Add(new OnnxValueInfo(name, elementType, [.. shape]));
    }

    /// <summary>Adds a constant tensor; returns its name, for nodes to read.</summary>
    /// <exception cref="ArgumentException">A value of that name already exists.</exception>
    public string AddInitializer(OnnxTensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        Define(tensor.Name, "initializer");
        initializers.Add(tensor);
        return tensor.Name;
    }

    /// <summary>Adds a float constant of shape <paramref name="dims"/> (a weight in ONNX's layout); returns its name.</summary>
    public string AddInitializer(string name, ReadOnlySpan<long> dims, ReadOnlySpan<float> values) =>
        AddInitializer(OnnxTensor.Float(name, dims, values));

    /// <summary>Appends a node; its inputs must already exist (inputs, initializers or earlier outputs).</summary>
    /// <remarks>An empty input or output name leaves out an optional one, as ONNX specifies.</remarks>
    /// <exception cref="ArgumentException">An input does not exist yet, or an output already does; the message names both.</exception>
    public OnnxNode AddNode(OnnxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentException.ThrowIfNullOrWhiteSpace(node.OpType);
        ArgumentException.ThrowIfNullOrWhiteSpace(node.Name);
        foreach (string input in node.Inputs)
        {
            if (input.Length > 0 && !values.Contains(input))
            {
                throw new ArgumentException($"Node '{node.Name}' ({node.OpType}) reads '{input}', which no graph input, initializer or earlier node defines. Add nodes in execution order.", nameof(node));
            }
        }

        foreach (string output in node.Outputs)
        {
            if (output.Length == 0)
            {
                continue; // an optional output left out
            }

            Define(output, $"output of node '{node.Name}' ({node.OpType})");
        }

        nodes.Add(node);
        return node;
    }

    /// <summary>
    /// Appends a node with one output value named like the node; returns that name. The usual
    /// way a layer helper adds its last node, so the layer's output carries the layer's name.
    /// </summary>
    public string AddNode(string opType, string name, IReadOnlyList<string> nodeInputs, params OnnxAttribute[] attributes)
    {
        AddNode(new OnnxNode(opType, name, nodeInputs, [name], attributes));
        return name;
    }

    /// <summary>Validates the model and returns it in ONNX's protobuf encoding (a <c>.onnx</c> file's bytes).</summary>
    /// <exception cref="InvalidOperationException">The graph is not a valid ONNX model; the message says what and where.</exception>
    public byte[] ToArray()
    {
        OnnxGraphValidator.Validate(this);
        return OnnxSerializer.Serialize(this);
    }

    /// <summary>Writes the model to <paramref name="stream"/>.</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(ToArray());
    }

    /// <summary>
    /// Writes the model to <paramref name="path"/> atomically: into a temporary file beside it,
    /// flushed, then renamed, so a failure never leaves a half-written model under that name.
    /// </summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] bytes = ToArray();
        string temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                file.Write(bytes);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private void Define(string name, string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!values.Add(name))
        {
            throw new ArgumentException($"The {what} '{name}' reuses a value name that already exists; every ONNX value is defined once. Give the layer a unique name.", nameof(name));
        }
    }
}

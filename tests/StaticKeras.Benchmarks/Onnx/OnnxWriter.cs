using Google.Protobuf;

namespace StaticKeras.Benchmarks.Onnx;

/// <summary>
/// Writes the few ONNX messages the benchmark models need (<c>ModelProto</c>, <c>GraphProto</c>,
/// <c>NodeProto</c>, <c>TensorProto</c>, <c>ValueInfoProto</c>) straight to the protobuf wire format
/// with <see cref="CodedOutputStream"/>; field numbers are those of onnx/onnx.proto.
/// </summary>
public static partial class OnnxWriter
{
    private const int FloatType = 1;   // TensorProto.DataType.FLOAT
    private const int IntType = 2;  // AttributeProto.AttributeType.INT
    private const int IntsType = 7; // AttributeProto.AttributeType.INTS

    /// <summary>
    /// A model computing <c>activation_i(x · W_i + b_i)</c> layer after layer, with Keras's kernel
    /// layout <c>(in, out)</c> as ONNX Gemm's B. <paramref name="layers"/> gives each layer's kernel,
    /// bias, shape and ONNX activation operator (<c>Relu</c>, <c>Softmax</c>, <c>Sigmoid</c>, or null).
    /// </summary>
    public static byte[] DenseStack(string name, int inputs, IReadOnlyList<(float[] Kernel, float[] Bias, int In, int Out, string? Activation)> layers)
    {
        var nodes = new List<byte[]>();
        var initializers = new List<byte[]>();
        string current = "x";
        for (int i = 0; i < layers.Count; i++)
        {
            var (kernel, bias, fanIn, fanOut, activation) = layers[i];
            string w = $"dense_{i}/kernel", b = $"dense_{i}/bias", z = $"dense_{i}/z";
            initializers.Add(Tensor(w, [fanIn, fanOut], kernel));
            initializers.Add(Tensor(b, [fanOut], bias));
            nodes.Add(Node("Gemm", $"dense_{i}/gemm", [current, w, b], [z]));
            current = z;
            if (activation is not null)
            {
                string y = $"dense_{i}/y";
                nodes.Add(Node(activation, $"dense_{i}/{activation.ToLowerInvariant()}", [current], [y], activation == "Softmax" ? ("axis", 1) : null));
                current = y;
            }
        }

        return Model(name, nodes, initializers, ValueInfo("x", inputs), ValueInfo(current, layers[^1].Out));
    }

    /// <summary>A model of one graph: its nodes in order, its weights, one input and one output (opset 17).</summary>
    private static byte[] Model(string name, List<byte[]> nodes, List<byte[]> initializers, byte[] input, byte[] output)
    {
        byte[] graph = Message(s =>
        {
            foreach (byte[] node in nodes)
            {
                Bytes(s, 1, node);
            }

            Text(s, 2, name);
            foreach (byte[] tensor in initializers)
            {
                Bytes(s, 5, tensor);
            }

            Bytes(s, 11, input);
            Bytes(s, 12, output);
        });

        return Message(s =>
        {
            s.WriteTag(1, WireFormat.WireType.Varint);
            s.WriteInt64(8); // ir_version 8
            Text(s, 2, "StaticKeras.Benchmarks");
            Bytes(s, 7, graph);
            Bytes(s, 8, Message(o =>
            {
                Text(o, 1, string.Empty);
                o.WriteTag(2, WireFormat.WireType.Varint);
                o.WriteInt64(17); // opset 17
            }));
        });
    }

    private static byte[] Node(string op, string name, string[] inputs, string[] outputs, (string Name, long Value)? attribute = null) =>
        Node(op, name, inputs, outputs, attribute is { } a ? [IntAttribute(a.Name, a.Value)] : []);

    private static byte[] Node(string op, string name, string[] inputs, string[] outputs, byte[][] attributes) => Message(s =>
    {
        foreach (string input in inputs)
        {
            Text(s, 1, input);
        }

        foreach (string output in outputs)
        {
            Text(s, 2, output);
        }

        Text(s, 3, name);
        Text(s, 4, op);
        foreach (byte[] attribute in attributes)
        {
            Bytes(s, 5, attribute);
        }
    });

    private static byte[] IntAttribute(string name, long value) => Message(o =>
    {
        Text(o, 1, name);
        o.WriteTag(3, WireFormat.WireType.Varint);
        o.WriteInt64(value);
        o.WriteTag(20, WireFormat.WireType.Varint);
        o.WriteInt32(IntType);
    });

    private static byte[] Tensor(string name, long[] dims, float[] values) => Message(s =>
    {
        foreach (long d in dims)
        {
            s.WriteTag(1, WireFormat.WireType.Varint);
            s.WriteInt64(d);
        }

        s.WriteTag(2, WireFormat.WireType.Varint);
        s.WriteInt32(FloatType);
        Text(s, 8, name);
        var raw = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length); // little-endian, as raw_data requires on x64
        Bytes(s, 9, raw);
    });

    /// <summary>A float tensor of shape <c>(batch, features)</c>, the batch symbolic.</summary>
    private static byte[] ValueInfo(string name, long features) => ValueInfo(name, [features]);

    /// <summary>A float tensor of shape <c>(batch, dims...)</c>, the batch symbolic.</summary>
    private static byte[] ValueInfo(string name, long[] dims) => Message(s =>
    {
        Text(s, 1, name);
        byte[] shape = Message(o =>
        {
            Bytes(o, 1, Message(d => Text(d, 2, "batch")));
            foreach (long dim in dims)
            {
                Bytes(o, 1, Message(d =>
                {
                    d.WriteTag(1, WireFormat.WireType.Varint);
                    d.WriteInt64(dim);
                }));
            }
        });
        byte[] tensorType = Message(o =>
        {
            o.WriteTag(1, WireFormat.WireType.Varint);
            o.WriteInt32(FloatType);
            Bytes(o, 2, shape);
        });
        Bytes(s, 2, Message(o => Bytes(o, 1, tensorType)));
    });

    private static void Text(CodedOutputStream s, int field, string value)
    {
        s.WriteTag(field, WireFormat.WireType.LengthDelimited);
        s.WriteString(value);
    }

    private static void Bytes(CodedOutputStream s, int field, byte[] value)
    {
        s.WriteTag(field, WireFormat.WireType.LengthDelimited);
        s.WriteBytes(ByteString.CopyFrom(value));
    }

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var stream = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(stream);
        }

        return buffer.ToArray();
    }
}

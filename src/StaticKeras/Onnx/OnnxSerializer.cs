using System;
using System.Collections.Generic;

namespace StaticKeras.Onnx;

/// <summary>
/// Encodes a built graph as an ONNX <c>ModelProto</c>. Every field number below is the one in
/// onnx/onnx.proto (message and field named beside it).
/// </summary>
internal static class OnnxSerializer
{
    public static byte[] Serialize(OnnxGraphBuilder graph)
    {
        var model = new ProtoWriter();
        model.Int64(1, OnnxOpsets.IrVersion(graph.Opset));          // ModelProto.ir_version
        model.String(2, graph.ProducerName);                          // ModelProto.producer_name
        model.String(3, graph.ProducerVersion);                       // ModelProto.producer_version
        if (graph.DocString is { } doc)
        {
            model.String(6, doc);                                     // ModelProto.doc_string
        }

        model.Message(7, graph, WriteGraph);                          // ModelProto.graph
        model.Message(8, graph.Opset, static (w, opset) =>             // ModelProto.opset_import
        {
            w.String(1, string.Empty);                                // OperatorSetIdProto.domain: "" is ai.onnx
            w.Int64(2, opset);                                        // OperatorSetIdProto.version
        });
        return model.ToArray();
    }

    private static void WriteGraph(ProtoWriter w, OnnxGraphBuilder graph)
    {
        foreach (OnnxNode node in graph.Nodes)
        {
            w.Message(1, node, WriteNode);                            // GraphProto.node
        }

        w.String(2, graph.GraphName);                                 // GraphProto.name
        foreach (OnnxTensor tensor in graph.Initializers)
        {
            w.Message(5, tensor, WriteTensor);                        // GraphProto.initializer
        }

        foreach (OnnxValueInfo input in graph.Inputs)
        {
            w.Message(11, input, WriteValueInfo);                     // GraphProto.input
        }

        foreach (OnnxValueInfo output in graph.Outputs)
        {
            w.Message(12, output, WriteValueInfo);                    // GraphProto.output
        }
    }

    private static void WriteNode(ProtoWriter w, OnnxNode node)
    {
        foreach (string input in node.Inputs)
        {
            w.String(1, input);                                       // NodeProto.input
        }

        foreach (string output in node.Outputs)
        {
            w.String(2, output);                                      // NodeProto.output
        }

        w.String(3, node.Name);                                       // NodeProto.name
        w.String(4, node.OpType);                                     // NodeProto.op_type
        foreach (OnnxAttribute attribute in node.Attributes)
        {
            w.Message(5, attribute, WriteAttribute);                  // NodeProto.attribute
        }

        if (node.DocString is { } doc)
        {
            w.String(6, doc);                                         // NodeProto.doc_string
        }

        if (node.Domain.Length > 0)
        {
            w.String(7, node.Domain);                                 // NodeProto.domain
        }
    }

    private static void WriteAttribute(ProtoWriter w, OnnxAttribute a)
    {
        w.String(1, a.Name);                                          // AttributeProto.name
        switch (a.Kind)
        {
            case OnnxAttributeKind.Float:
                w.Float(2, a.FloatValue);                             // AttributeProto.f
                break;
            case OnnxAttributeKind.Int:
                w.Int64(3, a.IntValue);                               // AttributeProto.i
                break;
            case OnnxAttributeKind.String:
                w.String(4, a.StringValue!);                          // AttributeProto.s
                break;
            case OnnxAttributeKind.Tensor:
                w.Message(5, a.TensorValue!, WriteTensor);            // AttributeProto.t
                break;
            case OnnxAttributeKind.Floats:
                foreach (float f in a.FloatValues.Span)
                {
                    w.Float(7, f);                                    // AttributeProto.floats
                }

                break;
            case OnnxAttributeKind.Ints:
                foreach (long i in a.IntValues.Span)
                {
                    w.Int64(8, i);                                    // AttributeProto.ints
                }

                break;
            case OnnxAttributeKind.Strings:
                foreach (string s in a.StringValues.Span)
                {
                    w.String(9, s);                                   // AttributeProto.strings
                }

                break;
            default:
                throw new InvalidOperationException($"Attribute '{a.Name}' has kind {a.Kind}, which the writer does not encode.");
        }

        w.Int64(20, (int)a.Kind);                                     // AttributeProto.type
    }

    private static void WriteTensor(ProtoWriter w, OnnxTensor t)
    {
        foreach (long d in t.Dims.Span)
        {
            w.Int64(1, d);                                            // TensorProto.dims
        }

        w.Int64(2, (int)t.DataType);                                  // TensorProto.data_type
        w.String(8, t.Name);                                          // TensorProto.name
        if (t.DataType == OnnxDataType.Float)
        {
            w.FloatsAsBytes(9, t.FloatValues.Span);                   // TensorProto.raw_data (little-endian)
        }
        else
        {
            w.Int64sAsBytes(9, t.Int64Values.Span);                   // TensorProto.raw_data (little-endian)
        }
    }

    private static void WriteValueInfo(ProtoWriter w, OnnxValueInfo value)
    {
        w.String(1, value.Name);                                      // ValueInfoProto.name
        w.Message(2, value, static (type, v) =>                       // ValueInfoProto.type
            type.Message(1, v, static (tensor, v) =>                  // TypeProto.tensor_type
            {
                tensor.Int64(1, (int)v.ElementType);                  // TypeProto.Tensor.elem_type
                tensor.Message(2, v.Shape, WriteShape);               // TypeProto.Tensor.shape
            }));
        if (value.DocString is { } doc)
        {
            w.String(3, doc);                                         // ValueInfoProto.doc_string
        }
    }

    private static void WriteShape(ProtoWriter w, IReadOnlyList<OnnxDim> shape)
    {
        foreach (OnnxDim dim in shape)
        {
            w.Message(1, dim, static (d, dim) =>                      // TensorShapeProto.dim
            {
                if (dim.Parameter is { } parameter)
                {
                    d.String(2, parameter);                           // Dimension.dim_param
                }
                else
                {
                    d.Int64(1, dim.Value);                            // Dimension.dim_value
                }
            });
        }
    }
}

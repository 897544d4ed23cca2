using System;
using System.Collections.Generic;

namespace StaticKeras.Onnx;

/// <summary>
/// Keras layers as ONNX nodes. Each helper appends the nodes of one layer to a graph, reading the
/// value <c>input</c> (in Keras's layout: channels last, batch first) and returning the name of
/// its output value, which is the layer's name; its main node carries the layer's name too, its
/// helper nodes <c>layer/step</c>, its weights <c>layer/weight</c> (Keras's paths). A model is
/// exported by calling one helper per layer, in order.
/// </summary>
/// <remarks>
/// Every value between layers stays channels-last, as in Keras, so Flatten, Reshape and Dense
/// mean what they mean in Keras. ONNX's convolution, pooling and normalisation operators are
/// channels-first; their helpers put a Transpose on each side. ONNX Runtime's transpose
/// optimiser cancels the pair between two such layers, so a chain of convolutions pays for one
/// Transpose at each end.
/// </remarks>
public static partial class OnnxLayers
{
    /// <summary>Appends a node writing value <paramref name="output"/>; returns it.</summary>
    private static string Op(OnnxGraphBuilder g, string opType, string node, string output, IReadOnlyList<string> inputs, params OnnxAttribute[] attributes)
    {
        g.AddNode(new OnnxNode(opType, node, inputs, [output], attributes));
        return output;
    }

    /// <summary>A helper value or node of <paramref name="layer"/>: <c>layer/step</c>.</summary>
    private static string Step(string layer, string step) => layer + "/" + step;

    /// <summary>An int64 vector constant of <paramref name="layer"/>.</summary>
    private static string Int64s(OnnxGraphBuilder g, string layer, string step, params ReadOnlySpan<long> values) =>
        g.AddInitializer(OnnxTensor.Int64Vector(Step(layer, step), values));

    /// <summary>A float scalar constant of <paramref name="layer"/>.</summary>
    private static string Scalar(OnnxGraphBuilder g, string layer, string step, float value) =>
        g.AddInitializer(OnnxTensor.FloatScalar(Step(layer, step), value));

    /// <summary>
    /// Transposes channels-last <c>(N, d_1, ..., d_n, C)</c> to channels-first <c>(N, C, d_1, ..., d_n)</c>
    /// for an ONNX operator that needs it; returns the new value.
    /// </summary>
    private static string ToChannelsFirst(OnnxGraphBuilder g, string layer, string input, int rank)
    {
        var perm = new long[rank];
        perm[1] = rank - 1;
        for (int i = 2; i < rank; i++)
        {
            perm[i] = i - 1;
        }

        return Op(g, "Transpose", Step(layer, "to_channels_first"), Step(layer, "channels_first"), [input], OnnxAttribute.Ints("perm", perm));
    }

    /// <summary>The inverse of <see cref="ToChannelsFirst"/>, writing value <paramref name="output"/>.</summary>
    private static string ToChannelsLast(OnnxGraphBuilder g, string layer, string input, int rank, string output)
    {
        var perm = new long[rank];
        for (int i = 1; i < rank - 1; i++)
        {
            perm[i] = i + 1;
        }

        perm[rank - 1] = 1;
        return Op(g, "Transpose", Step(layer, "to_channels_last"), output, [input], OnnxAttribute.Ints("perm", perm));
    }

    private static long[] Longs(IReadOnlyList<int> values)
    {
        var result = new long[values.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }

    private static long[] Repeat(long value, int count)
    {
        var result = new long[count];
        Array.Fill(result, value);
        return result;
    }
}

using System;
using System.Collections.Generic;

namespace StaticKeras.Onnx;

/// <summary>
/// The structural checks ONNX's checker makes that the builder cannot make as nodes arrive:
/// the graph has inputs and outputs, every output is written, node names are unique, and every
/// operator exists in the imported opset. (Value names are checked as they are defined.)
/// </summary>
internal static class OnnxGraphValidator
{
    public static void Validate(OnnxGraphBuilder graph)
    {
        if (graph.Inputs.Count == 0)
        {
            throw new InvalidOperationException($"ONNX graph '{graph.GraphName}' has no input; declare one with AddInput.");
        }

        if (graph.Outputs.Count == 0)
        {
            throw new InvalidOperationException($"ONNX graph '{graph.GraphName}' has no output; declare the last layer's value with AddOutput.");
        }

        var outputs = new HashSet<string>(StringComparer.Ordinal);
        foreach (OnnxValueInfo output in graph.Outputs)
        {
            if (!graph.HasValue(output.Name))
            {
                throw new InvalidOperationException($"ONNX graph '{graph.GraphName}' declares output '{output.Name}', but no node writes it.");
            }

            if (!outputs.Add(output.Name))
            {
                throw new InvalidOperationException($"ONNX graph '{graph.GraphName}' declares output '{output.Name}' twice.");
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (OnnxNode node in graph.Nodes)
        {
            if (!names.Add(node.Name))
            {
                throw new InvalidOperationException($"ONNX graph '{graph.GraphName}' has two nodes named '{node.Name}'; node names must be unique.");
            }

            CheckOpset(graph, node);
        }
    }

    private static void CheckOpset(OnnxGraphBuilder graph, OnnxNode node)
    {
        if (node.Domain.Length > 0)
        {
            return; // another domain's operators are versioned by its own opset import
        }

        int needed = OnnxOpsets.IntroducedIn(node.OpType);
        if (needed > graph.Opset)
        {
            throw new InvalidOperationException($"Node '{node.Name}' uses {node.OpType}, which ONNX defines from opset {needed}, but the model imports opset {graph.Opset}. Set Opset = {needed} or more before adding the layers (the layer helpers then use {node.OpType}; below it they write a composition of older operators where one exists).");
        }
    }
}

using System;
using StaticKeras.Kernels;

namespace StaticKeras.Layers;

/// <summary>
/// Keras's <c>ELU</c> layer, <c>x</c> above 0 and <c>alpha · (exp(x) − 1)</c> below, written
/// through the same <see cref="ILayer"/> contract as a user layer: the generator reads its
/// <see cref="LayerShapeAttribute"/> and its attribute's <c>[DefaultValue]</c>s, and the passes call
/// these two methods. A built-in needs a descriptor of its own only for what this contract cannot
/// say (argument ranges checked at compile time, a fused epilogue, adding into a gradient in
/// place, a view of its input); ELU needs none of it.
/// </summary>
[LayerShape("(*) -> (*)")]
public sealed class ELU : ILayer
{
    /// <inheritdoc/>
    public static void Forward(in LayerContext context, ReadOnlySpan<float> input, Span<float> output) =>
        EluKernel.Forward(input, output, (float)context.Argument("Alpha"));

    /// <inheritdoc/>
    public static void Backward(in LayerContext context, ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient)
    {
        if (!inputGradient.IsEmpty)
        {
            EluKernel.Backward(input, outputGradient, inputGradient, (float)context.Argument("Alpha"), accumulate: false);
        }
    }

    /// <inheritdoc/>
    public static string ExportOnnx(Onnx.OnnxGraphBuilder graph, LayerInfo layer, string input, ReadOnlySpan<float> parameters) =>
        Onnx.OnnxLayers.Activation(graph, layer.Name, input, "elu", (float)layer.ArgumentValues[Array.IndexOf(layer.ArgumentNames, "Alpha")]);
}

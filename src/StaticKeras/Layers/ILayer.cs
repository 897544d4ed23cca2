using System;

namespace StaticKeras;

/// <summary>
/// A user-defined layer: one type whose static methods the generated passes call directly (no
/// reflection, no virtual calls, Native AOT- and trim-safe). Its shapes are declared, so the
/// generator and the analyzers know them at compile time: <see cref="LayerShapeAttribute"/> gives
/// the output shape from the input's, <see cref="LayerWeightAttribute"/> the weights it owns and
/// <see cref="LayerCacheAttribute"/> what its forward pass keeps for the backward pass. Use it as
/// <c>[Layer&lt;MyLayer&gt;]</c>, or with arguments through your own attribute deriving from
/// <see cref="LayerAttribute{TLayer}"/>.
/// </summary>
/// <example>
/// <code>
/// [LayerShape("(*, d) -> (*, d)")]
/// [LayerWeight("scale", "(d)", Initializer = "ones")]
/// public sealed class Scale : ILayer
/// {
///     public static void Forward(in LayerContext c, ReadOnlySpan&lt;float&gt; x, Span&lt;float&gt; y) { ... }
///     public static void Backward(in LayerContext c, ReadOnlySpan&lt;float&gt; x, ReadOnlySpan&lt;float&gt; y,
///                                 ReadOnlySpan&lt;float&gt; dy, Span&lt;float&gt; dx) { ... }
/// }
/// </code>
/// </example>
public interface ILayer
{
    /// <summary>Computes the layer's output for a batch.</summary>
    /// <param name="context">The batch size, shapes, weights, caches and arguments.</param>
    /// <param name="input">The input, <c>(batch, input shape...)</c> row-major.</param>
    /// <param name="output">Receives the output, <c>(batch, output shape...)</c>.</param>
    static abstract void Forward(in LayerContext context, ReadOnlySpan<float> input, Span<float> output);

    /// <summary>
    /// Computes dL/d(input) from dL/d(output), and writes (not adds) each trainable weight's
    /// gradient into <see cref="LayerContext.WeightGradient(int)"/>.
    /// </summary>
    /// <param name="context">As in the forward pass, with the caches it filled.</param>
    /// <param name="input">The forward input.</param>
    /// <param name="output">The forward output.</param>
    /// <param name="outputGradient">dL/d(output).</param>
    /// <param name="inputGradient">Receives dL/d(input); empty when no layer before needs it.</param>
    static abstract void Backward(in LayerContext context, ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient);

    /// <summary>
    /// Optional: writes the layer into an ONNX graph for <see cref="Model.ExportOnnx(string, int)"/>
    /// (nodes named after the layer, output value named <see cref="LayerInfo.Name"/>). Declare it
    /// on your type to make models with your layer exportable; without it, exporting such a model
    /// throws <see cref="Onnx.OnnxExportException"/> naming the layer, and the analyzers warn at
    /// the <c>ExportOnnx</c> call.
    /// </summary>
    /// <param name="graph">The graph being written.</param>
    /// <param name="layer">The layer's facts in this model: name, shapes, weight offsets, arguments.</param>
    /// <param name="input">The ONNX value the layer reads.</param>
    /// <param name="parameters">The model's parameter buffer (weights at <see cref="LayerInfo.WeightOffsets"/>).</param>
    /// <returns>The layer's output value name.</returns>
    static virtual string ExportOnnx(Onnx.OnnxGraphBuilder graph, LayerInfo layer, string input, ReadOnlySpan<float> parameters) =>
        throw new Onnx.OnnxExportException(layer.Name, "it is a user layer without a static ExportOnnx method writing its ONNX nodes");
}

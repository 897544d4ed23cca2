using System;

namespace StaticKeras.Onnx;

public static partial class OnnxLayers
{
    /// <summary>
    /// Keras's BatchNormalization at inference (keras/src/layers/normalization/batch_normalization.py):
    /// <c>gamma·(x − moving_mean)/√(moving_variance + epsilon) + beta</c> over the last axis.
    /// ONNX normalises axis 1, so inputs of rank above 2 are transposed around the node.
    /// </summary>
    /// <param name="g">The graph.</param>
    /// <param name="name">The layer's name.</param>
    /// <param name="input">The value the layer reads.</param>
    /// <param name="gamma">Keras's gamma <c>(C)</c>; empty for <c>scale=False</c> (ones).</param>
    /// <param name="beta">Keras's beta <c>(C)</c>; empty for <c>center=False</c> (zeros).</param>
    /// <param name="movingMean">Keras's moving_mean <c>(C)</c>.</param>
    /// <param name="movingVariance">Keras's moving_variance <c>(C)</c>.</param>
    /// <param name="rank">The input's rank, batch included.</param>
    /// <param name="epsilon">Keras's <c>epsilon</c> (default 1e-3).</param>
    public static string BatchNormalization(this OnnxGraphBuilder g, string name, string input, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, ReadOnlySpan<float> movingMean, ReadOnlySpan<float> movingVariance, int rank, float epsilon = 1e-3f)
    {
        ArgumentNullException.ThrowIfNull(g);
        int channels = movingMean.Length;
        string[] inputs =
        [
            rank > 2 ? ToChannelsFirst(g, name, input, rank) : input,
            g.AddInitializer(Step(name, "gamma"), [channels], gamma.IsEmpty ? Filled(channels, 1f) : gamma),
            g.AddInitializer(Step(name, "beta"), [channels], beta.IsEmpty ? Filled(channels, 0f) : beta),
            g.AddInitializer(Step(name, "moving_mean"), [channels], movingMean),
            g.AddInitializer(Step(name, "moving_variance"), [channels], movingVariance),
        ];
        if (rank == 2)
        {
            return Op(g, "BatchNormalization", name, name, inputs, OnnxAttribute.Float("epsilon", epsilon));
        }

        string normalized = Op(g, "BatchNormalization", name, Step(name, "normalized"), inputs, OnnxAttribute.Float("epsilon", epsilon));
        return ToChannelsLast(g, name, normalized, rank, name);
    }

    /// <summary>
    /// Keras's LayerNormalization over the last axis (keras/src/layers/normalization/layer_normalization.py):
    /// <c>gamma·(x − mean)/√(variance + epsilon) + beta</c>, the biased variance. ONNX's
    /// LayerNormalization (opset 17).
    /// </summary>
    /// <param name="g">The graph.</param>
    /// <param name="name">The layer's name.</param>
    /// <param name="input">The value the layer reads.</param>
    /// <param name="gamma">Keras's gamma <c>(C)</c>; empty for <c>scale=False</c> (ones).</param>
    /// <param name="beta">Keras's beta <c>(C)</c>; empty for <c>center=False</c> (zeros).</param>
    /// <param name="features">The last axis's size.</param>
    /// <param name="epsilon">Keras's <c>epsilon</c> (default 1e-3).</param>
    public static string LayerNormalization(this OnnxGraphBuilder g, string name, string input, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, int features, float epsilon = 1e-3f)
    {
        ArgumentNullException.ThrowIfNull(g);
        string scale = g.AddInitializer(Step(name, "gamma"), [features], gamma.IsEmpty ? Filled(features, 1f) : gamma);
        string bias = g.AddInitializer(Step(name, "beta"), [features], beta.IsEmpty ? Filled(features, 0f) : beta);
        return Op(g, "LayerNormalization", name, name, [input, scale, bias], OnnxAttribute.Int("axis", -1), OnnxAttribute.Float("epsilon", epsilon));
    }

    private static float[] Filled(int count, float value)
    {
        var result = new float[count];
        Array.Fill(result, value);
        return result;
    }
}

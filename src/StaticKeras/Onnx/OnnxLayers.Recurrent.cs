using System;
using System.Collections.Generic;

namespace StaticKeras.Onnx;

public static partial class OnnxLayers
{
    /// <summary>
    /// Keras's LSTM on a <c>(batch, timesteps, inputs)</c> value (keras/src/layers/rnn/lstm.py):
    /// the weights reordered by <see cref="KerasLayouts.Lstm"/>, the sequence made time-major for
    /// ONNX (ONNX Runtime runs only <c>layout=0</c>), and the result <c>(batch, units)</c>, or
    /// <c>(batch, timesteps, units)</c> with <paramref name="returnSequences"/>.
    /// </summary>
    /// <param name="g">The graph.</param>
    /// <param name="name">The layer's name.</param>
    /// <param name="input">The batch-major sequence.</param>
    /// <param name="kernel">Keras's kernel <c>(inputs, 4·units)</c>.</param>
    /// <param name="recurrentKernel">Keras's recurrent_kernel <c>(units, 4·units)</c>.</param>
    /// <param name="bias">Keras's bias <c>(4·units)</c>; empty for <c>use_bias=False</c>.</param>
    /// <param name="inputs">The input's features.</param>
    /// <param name="units">Keras's <c>units</c>.</param>
    /// <param name="returnSequences">Keras's <c>return_sequences</c>.</param>
    /// <param name="activation">Keras's <c>activation</c> (cell input and output).</param>
    /// <param name="recurrentActivation">Keras's <c>recurrent_activation</c> (the gates).</param>
    public static string Lstm(this OnnxGraphBuilder g, string name, string input, ReadOnlySpan<float> kernel, ReadOnlySpan<float> recurrentKernel, ReadOnlySpan<float> bias, int inputs, int units, bool returnSequences = false, string activation = "tanh", string recurrentActivation = "sigmoid")
    {
        RecurrentWeights weights = KerasLayouts.Lstm(kernel, recurrentKernel, bias, inputs, units);
        // ONNX LSTM's activations are f (the gates), g (the cell input) and h (the cell output).
        return Recurrent(g, "LSTM", name, input, weights, inputs, units, 4, returnSequences, [recurrentActivation, activation, activation]);
    }

    /// <summary>
    /// Keras's GRU on a <c>(batch, timesteps, inputs)</c> value (keras/src/layers/rnn/gru.py):
    /// Keras's <c>reset_after=True</c> (its default) applies the reset gate after the recurrent
    /// product, which is ONNX's <c>linear_before_reset=1</c>.
    /// </summary>
    /// <param name="g">The graph.</param>
    /// <param name="name">The layer's name.</param>
    /// <param name="input">The batch-major sequence.</param>
    /// <param name="kernel">Keras's kernel <c>(inputs, 3·units)</c>.</param>
    /// <param name="recurrentKernel">Keras's recurrent_kernel <c>(units, 3·units)</c>.</param>
    /// <param name="bias">Keras's bias: <c>(2, 3·units)</c> with <paramref name="resetAfter"/>, else <c>(3·units)</c>; empty for <c>use_bias=False</c>.</param>
    /// <param name="inputs">The input's features.</param>
    /// <param name="units">Keras's <c>units</c>.</param>
    /// <param name="resetAfter">Keras's <c>reset_after</c>.</param>
    /// <param name="returnSequences">Keras's <c>return_sequences</c>.</param>
    /// <param name="activation">Keras's <c>activation</c> (the candidate state).</param>
    /// <param name="recurrentActivation">Keras's <c>recurrent_activation</c> (the gates).</param>
    public static string Gru(this OnnxGraphBuilder g, string name, string input, ReadOnlySpan<float> kernel, ReadOnlySpan<float> recurrentKernel, ReadOnlySpan<float> bias, int inputs, int units, bool resetAfter = true, bool returnSequences = false, string activation = "tanh", string recurrentActivation = "sigmoid")
    {
        RecurrentWeights weights = KerasLayouts.Gru(kernel, recurrentKernel, bias, inputs, units, resetAfter);
        return Recurrent(g, "GRU", name, input, weights, inputs, units, 3, returnSequences, [recurrentActivation, activation], OnnxAttribute.Int("linear_before_reset", resetAfter ? 1 : 0));
    }

    private static string Recurrent(OnnxGraphBuilder g, string opType, string name, string input, RecurrentWeights weights, int inputs, int units, int gates, bool returnSequences, string[] activations, params OnnxAttribute[] extra)
    {
        ArgumentNullException.ThrowIfNull(g);
        var attributes = new List<OnnxAttribute> { OnnxAttribute.Int("hidden_size", units) };
        attributes.AddRange(RecurrentActivations(name, activations));
        attributes.AddRange(extra);
        string[] nodeInputs =
        [
            Op(g, "Transpose", Step(name, "to_time_major"), Step(name, "time_major"), [input], OnnxAttribute.Ints("perm", 1, 0, 2)),
            g.AddInitializer(Step(name, "W"), [1, gates * units, inputs], weights.W),
            g.AddInitializer(Step(name, "R"), [1, gates * units, units], weights.R),
            g.AddInitializer(Step(name, "B"), [1, 2 * gates * units], weights.B),
        ];
        string sequence = Step(name, "Y"), last = Step(name, "Y_h");
        g.AddNode(new OnnxNode(opType, name, nodeInputs, returnSequences ? [sequence] : ["", last], attributes));
        if (!returnSequences)
        {
            // Y_h is (directions = 1, batch, units).
            return Op(g, "Squeeze", Step(name, "squeeze"), name, [last, Int64s(g, name, "direction_axis", 0)]);
        }

        // Y is (timesteps, directions = 1, batch, units).
        string squeezed = Op(g, "Squeeze", Step(name, "squeeze"), Step(name, "sequence"), [sequence, Int64s(g, name, "direction_axis", 1)]);
        return Op(g, "Transpose", Step(name, "to_batch_major"), name, [squeezed], OnnxAttribute.Ints("perm", 1, 0, 2));
    }

    /// <summary>
    /// The activations attribute, with alpha and beta listed for those that take them (ONNX
    /// consumes the lists in order). Keras's hard_sigmoid is relu6(x + 3)/6 (Keras 3), ONNX's
    /// HardSigmoid with alpha 1/6 and beta 0.5.
    /// </summary>
    private static IEnumerable<OnnxAttribute> RecurrentActivations(string name, string[] activations)
    {
        var names = new string[activations.Length];
        var alphas = new List<float>();
        var betas = new List<float>();
        for (int i = 0; i < activations.Length; i++)
        {
            names[i] = activations[i] switch
            {
                "sigmoid" => "Sigmoid",
                "tanh" => "Tanh",
                "relu" => "Relu",
                "softsign" => "Softsign",
                "softplus" => "Softplus",
                "hard_sigmoid" => "HardSigmoid",
                "linear" => "Affine",
                _ => throw new OnnxExportException(name, $"ONNX's recurrent operators cannot apply the activation '{activations[i]}' (they take sigmoid, tanh, relu, softsign, softplus, hard_sigmoid and linear)."),
            };
            if (names[i] is "HardSigmoid" or "Affine")
            {
                alphas.Add(names[i] == "HardSigmoid" ? 1f / 6f : 1f);
                betas.Add(names[i] == "HardSigmoid" ? 0.5f : 0f);
            }
        }

        yield return OnnxAttribute.Strings("activations", names);
        if (alphas.Count > 0)
        {
            yield return OnnxAttribute.Floats("activation_alpha", [.. alphas]);
            yield return OnnxAttribute.Floats("activation_beta", [.. betas]);
        }
    }
}

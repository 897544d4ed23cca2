using System;

namespace StaticKeras.Onnx;

public static partial class OnnxLayers
{
    /// <summary>
    /// A Keras activation (keras/src/activations/activations.py), by its Keras name, as ONNX nodes
    /// writing the value named like the layer. <c>linear</c> writes an Identity.
    /// </summary>
    /// <param name="g">The graph.</param>
    /// <param name="layer">The layer the activation belongs to (Keras's Activation, LeakyReLU, ReLU, ELU, Softmax ... layers).</param>
    /// <param name="input">The value to activate.</param>
    /// <param name="activation">
    /// <c>linear</c>, <c>relu</c>, <c>relu6</c>, <c>leaky_relu</c>, <c>elu</c>, <c>selu</c>, <c>sigmoid</c>,
    /// <c>hard_sigmoid</c>, <c>tanh</c>, <c>softmax</c>, <c>log_softmax</c>, <c>softplus</c>,
    /// <c>softsign</c>, <c>gelu</c>, <c>silu</c> (<c>swish</c>), <c>hard_silu</c> (<c>hard_swish</c>),
    /// <c>mish</c> or <c>exponential</c>.
    /// </param>
    /// <param name="alpha">
    /// <c>leaky_relu</c>'s <c>negative_slope</c> (Keras: 0.2 for the function, 0.3 for the LeakyReLU
    /// layer) or <c>elu</c>'s <c>alpha</c> (1.0); ignored by the others.
    /// </param>
    /// <param name="approximate"><c>gelu</c>'s <c>approximate</c> (Keras: false, the erf form).</param>
    /// <exception cref="OnnxExportException">The activation has no ONNX form.</exception>
    public static string Activation(this OnnxGraphBuilder g, string layer, string input, string activation, float? alpha = null, bool approximate = false) =>
        Activate(g, layer, layer, input, activation, layer, alpha, approximate);

    /// <summary>
    /// The activation of a layer whose main node is another (Dense, Conv): its node is
    /// <c>layer/activation</c>, its output still the layer's value.
    /// </summary>
    private static string FusedActivation(OnnxGraphBuilder g, string layer, string input, string activation) =>
        Activate(g, layer, Step(layer, activation), input, activation, layer, alpha: null, approximate: false);

    private static string Activate(OnnxGraphBuilder g, string layer, string node, string input, string activation, string output, float? alpha, bool approximate)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(activation);
        string[] x = [input];
        return activation switch
        {
            "linear" => Op(g, "Identity", node, output, x),
            "relu" => Op(g, "Relu", node, output, x),
            "relu6" => Op(g, "Clip", node, output, [input, Scalar(g, node, "min", 0f), Scalar(g, node, "max", 6f)]),
            "leaky_relu" => Op(g, "LeakyRelu", node, output, x, OnnxAttribute.Float("alpha", alpha ?? 0.2f)),
            "elu" => Op(g, "Elu", node, output, x, OnnxAttribute.Float("alpha", alpha ?? 1f)),
            "selu" => Op(g, "Selu", node, output, x, OnnxAttribute.Float("alpha", 1.6732632423543772f), OnnxAttribute.Float("gamma", 1.0507009873554805f)),
            "sigmoid" => Op(g, "Sigmoid", node, output, x),
            "hard_sigmoid" => Op(g, "HardSigmoid", node, output, x, OnnxAttribute.Float("alpha", 1f / 6f), OnnxAttribute.Float("beta", 0.5f)),
            "tanh" => Op(g, "Tanh", node, output, x),
            "softmax" => Op(g, "Softmax", node, output, x, OnnxAttribute.Int("axis", -1)),
            "log_softmax" => Op(g, "LogSoftmax", node, output, x, OnnxAttribute.Int("axis", -1)),
            "softplus" => Op(g, "Softplus", node, output, x),
            "softsign" => Op(g, "Softsign", node, output, x),
            "gelu" => Gelu(g, node, input, output, approximate),
            "silu" or "swish" => Op(g, "Mul", node, output, [input, Op(g, "Sigmoid", Step(node, "sigmoid"), Step(node, "sigmoid"), x)]),
            "hard_silu" or "hard_swish" => Op(g, "HardSwish", node, output, x),
            "mish" => Mish(g, node, input, output),
            "exponential" => Op(g, "Exp", node, output, x),
            "approximate_gelu" => Gelu(g, node, input, output, approximate: true),
            "celu" => Op(g, "Celu", node, output, x, OnnxAttribute.Float("alpha", alpha ?? 1f)),
            "hard_tanh" => Op(g, "Clip", node, output, [input, Scalar(g, node, "min", -1f), Scalar(g, node, "max", 1f)]),
            "log_sigmoid" => Op(g, "Neg", node, output, [Op(g, "Softplus", Step(node, "softplus"), Step(node, "softplus"), [Op(g, "Neg", Step(node, "neg"), Step(node, "neg"), x)])]),
            _ => throw new OnnxExportException(layer, $"the activation '{activation}' has no ONNX form the writer knows (see OnnxLayers.Activation for those it does)."),
        };
    }

    /// <summary>
    /// Keras's gelu: <c>x·Φ(x) = 0.5·x·(1 + erf(x/√2))</c>, or with <paramref name="approximate"/>
    /// <c>0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))</c>. ONNX has Gelu from opset 20; below it the
    /// same formula is written with Erf (or Tanh), Mul and Add.
    /// </summary>
    private static string Gelu(OnnxGraphBuilder g, string node, string x, string output, bool approximate)
    {
        if (g.Opset >= 20)
        {
            return Op(g, "Gelu", node, output, [x], OnnxAttribute.String("approximate", approximate ? "tanh" : "none"));
        }

        string inner;
        if (approximate)
        {
            string cube = Op(g, "Mul", Step(node, "x3"), Step(node, "x3"), [Op(g, "Mul", Step(node, "x2"), Step(node, "x2"), [x, x]), x]);
            string sum = Op(g, "Add", Step(node, "sum"), Step(node, "sum"), [x, Op(g, "Mul", Step(node, "cubic"), Step(node, "cubic"), [cube, Scalar(g, node, "c", 0.044715f)])]);
            string scaled = Op(g, "Mul", Step(node, "scaled"), Step(node, "scaled"), [sum, Scalar(g, node, "sqrt_2_over_pi", MathF.Sqrt(2f / MathF.PI))]);
            inner = Op(g, "Tanh", Step(node, "tanh"), Step(node, "tanh"), [scaled]);
        }
        else
        {
            string scaled = Op(g, "Mul", Step(node, "scaled"), Step(node, "scaled"), [x, Scalar(g, node, "one_over_sqrt_2", 1f / MathF.Sqrt(2f))]);
            inner = Op(g, "Erf", Step(node, "erf"), Step(node, "erf"), [scaled]);
        }

        string onePlus = Op(g, "Add", Step(node, "one_plus"), Step(node, "one_plus"), [inner, Scalar(g, node, "one", 1f)]);
        string half = Op(g, "Mul", Step(node, "half_x"), Step(node, "half_x"), [x, Scalar(g, node, "half", 0.5f)]);
        return Op(g, "Mul", node, output, [half, onePlus]);
    }

    /// <summary>Keras's mish: <c>x·tanh(softplus(x))</c>; ONNX's Mish from opset 18, the composition below it.</summary>
    private static string Mish(OnnxGraphBuilder g, string node, string x, string output)
    {
        if (g.Opset >= 18)
        {
            return Op(g, "Mish", node, output, [x]);
        }

        string softplus = Op(g, "Softplus", Step(node, "softplus"), Step(node, "softplus"), [x]);
        return Op(g, "Mul", node, output, [x, Op(g, "Tanh", Step(node, "tanh"), Step(node, "tanh"), [softplus])]);
    }
}

using StaticKeras.Onnx;

namespace StaticKeras.Onnx.Tests;

/// <summary>Dense (Gemm; MatMul + Add) and every Keras activation, against keras/src/activations/activations.py.</summary>
public sealed class DenseAndActivationTests
{
    [Fact]
    public void Dense_on_a_batch_is_one_Gemm_with_the_Keras_kernel_as_it_is()
    {
        Tensor x = Tensor.Random(1, 3, 5);
        float[] kernel = Tensor.Random(2, 5, 4).Data, bias = Tensor.Random(3, 4).Data;
        OnnxGraphBuilder? built = null;
        float[] y = Ort.RunLayer(x, [3, 4], (g, input) =>
        {
            built = g;
            return g.Dense("dense", input, kernel, bias, inputs: 5, units: 4);
        });
        Close.Equal(Reference.Dense(x.Data, kernel, bias, 3, 5, 4), y);
        Assert.Equal(["Gemm"], built!.Nodes.Select(n => n.OpType));
        Assert.Equal("dense", built.Nodes[0].Name);
    }

    [Fact]
    public void Dense_on_a_sequence_is_MatMul_then_Add_over_the_last_axis_and_without_bias_MatMul_alone()
    {
        Tensor x = Tensor.Random(4, 2, 3, 5);
        float[] kernel = Tensor.Random(5, 5, 4).Data, bias = Tensor.Random(6, 4).Data;
        float[] y = Ort.RunLayer(x, [2, 3, 4], (g, input) => g.Dense("dense", input, kernel, bias, 5, 4, rank: 3));
        Close.Equal(Reference.Dense(x.Data, kernel, bias, 6, 5, 4), y);

        float[] unbiased = Ort.RunLayer(x, [2, 3, 4], (g, input) => g.Dense("dense", input, kernel, [], 5, 4, activation: "relu", rank: 3));
        Close.Equal(Reference.Dense(x.Data, kernel, new float[4], 6, 5, 4).Select(v => Math.Max(0, v)).ToArray(), unbiased);
    }

    public static TheoryData<string, int> Activations() => new()
    {
        { "linear", 17 }, { "relu", 17 }, { "relu6", 17 }, { "leaky_relu", 17 }, { "elu", 17 }, { "selu", 17 },
        { "sigmoid", 17 }, { "hard_sigmoid", 17 }, { "tanh", 17 }, { "softplus", 17 }, { "softsign", 17 },
        { "gelu", 17 }, { "gelu", 20 }, { "gelu_tanh", 17 }, { "gelu_tanh", 20 }, { "silu", 17 }, { "hard_silu", 17 },
        { "mish", 17 }, { "mish", 18 }, { "exponential", 17 },
    };

    [Theory]
    [MemberData(nameof(Activations))]
    public void Each_elementwise_activation_matches_Keras(string activation, int opset)
    {
        var x = new Tensor([.. Enumerable.Range(0, 48).Select(i => (i - 24) * 0.25f)], [4, 12]); // -6 .. 5.75: both tails
        bool approximate = activation == "gelu_tanh";
        string name = approximate ? "gelu" : activation;
        float[] y = Ort.RunLayer(x, [4, 12], (g, input) => g.Activation("act", input, name, approximate: approximate), opset);
        Close.Equal(x.Data.Select(v => Reference.Activation(activation, v)).ToArray(), y);
    }

    [Theory]
    [InlineData("softmax")]
    [InlineData("log_softmax")]
    public void Softmax_and_log_softmax_normalise_the_last_axis(string activation)
    {
        Tensor x = Tensor.Random(7, 2, 3, 4);
        float[] y = Ort.RunLayer(x, [2, 3, 4], (g, input) => g.Activation("act", input, activation));
        Close.Equal(Reference.Softmax(x.Data, 4, log: activation == "log_softmax"), y);
    }

    [Fact]
    public void Gelu_below_opset_20_is_a_composition_and_from_20_the_Gelu_operator()
    {
        var old = new OnnxGraphBuilder("g") { Opset = 17 };
        old.Activation("gelu", old.AddInput("x", [OnnxDim.Batch, 2]), "gelu");
        Assert.DoesNotContain(old.Nodes, n => n.OpType == "Gelu");
        Assert.Contains(old.Nodes, n => n.OpType == "Erf");

        var current = new OnnxGraphBuilder("g") { Opset = 20 };
        current.Activation("gelu", current.AddInput("x", [OnnxDim.Batch, 2]), "gelu");
        Assert.Equal(["Gelu"], current.Nodes.Select(n => n.OpType));
    }

    [Fact]
    public void Leaky_relu_takes_the_layers_negative_slope()
    {
        var x = new Tensor([-2f, -0.5f, 0f, 3f], [1, 4]);
        float[] y = Ort.RunLayer(x, [1, 4], (g, input) => g.Activation("leaky_re_lu", input, "leaky_relu", alpha: 0.3f));
        Close.Equal([-0.6f, -0.15f, 0f, 3f], y);
    }

    [Fact]
    public void An_activation_ONNX_cannot_express_is_an_exception_naming_the_layer_and_the_activation()
    {
        var g = new OnnxGraphBuilder("g");
        string x = g.AddInput("x", [OnnxDim.Batch, 2]);
        var error = Assert.Throws<OnnxExportException>(() => g.Activation("my_layer", x, "sparsemax"));
        Assert.Equal("my_layer", error.Layer);
        Assert.Contains("'sparsemax'", error.Message);
    }
}

using StaticKeras.Onnx;

namespace StaticKeras.Onnx.Tests;

/// <summary>LSTM and GRU: Keras's gate order and layouts converted to ONNX's, run time-major in ONNX Runtime.</summary>
public sealed class RecurrentTests
{
    private const int Batch = 2, Steps = 5, Inputs = 3, Units = 4;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Lstm_gates_i_f_c_o_become_ONNX_i_o_f_c(bool returnSequences)
    {
        Tensor x = Tensor.Random(1, Batch, Steps, Inputs);
        float[] kernel = Tensor.Random(2, Inputs, 4 * Units).Data, recurrent = Tensor.Random(3, Units, 4 * Units).Data, bias = Tensor.Random(4, 4 * Units).Data;
        float[] expected = Reference.Lstm(x.Data, Batch, Steps, Inputs, Units, kernel, recurrent, bias);
        long[] shape = returnSequences ? [Batch, Steps, Units] : [Batch, Units];
        float[] y = Ort.RunLayer(x, shape, (g, input) => g.Lstm("lstm", input, kernel, recurrent, bias, Inputs, Units, returnSequences));
        Close.Equal(returnSequences ? expected : Reference.LastStep(expected, Batch, Steps, Units), y);
    }

    [Fact]
    public void Lstm_with_Keras_3_hard_sigmoid_gates_and_no_bias()
    {
        Tensor x = Tensor.Random(5, Batch, Steps, Inputs);
        float[] kernel = Tensor.Random(6, Inputs, 4 * Units).Data, recurrent = Tensor.Random(7, Units, 4 * Units).Data;
        float[] expected = Reference.Lstm(x.Data, Batch, Steps, Inputs, Units, kernel, recurrent, new float[4 * Units], Reference.HardSigmoid);
        float[] y = Ort.RunLayer(x, [Batch, Units], (g, input) => g.Lstm("lstm", input, kernel, recurrent, [], Inputs, Units, recurrentActivation: "hard_sigmoid"));
        Close.Equal(Reference.LastStep(expected, Batch, Steps, Units), y);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public void Gru_reset_after_is_linear_before_reset(bool resetAfter, bool returnSequences)
    {
        Tensor x = Tensor.Random(8, Batch, Steps, Inputs);
        float[] kernel = Tensor.Random(9, Inputs, 3 * Units).Data, recurrent = Tensor.Random(10, Units, 3 * Units).Data;
        float[] bias = Tensor.Random(11, (resetAfter ? 2 : 1) * 3 * Units).Data;
        float[] expected = Reference.Gru(x.Data, Batch, Steps, Inputs, Units, kernel, recurrent, bias, resetAfter);
        long[] shape = returnSequences ? [Batch, Steps, Units] : [Batch, Units];
        OnnxGraphBuilder? built = null;
        float[] y = Ort.RunLayer(x, shape, (g, input) =>
        {
            built = g;
            return g.Gru("gru", input, kernel, recurrent, bias, Inputs, Units, resetAfter, returnSequences);
        });
        Close.Equal(returnSequences ? expected : Reference.LastStep(expected, Batch, Steps, Units), y);
        OnnxAttribute linear = built!.Nodes.Single(n => n.OpType == "GRU").Attributes.Single(a => a.Name == "linear_before_reset");
        Assert.Equal(resetAfter ? 1 : 0, linear.IntValue);
    }

    [Fact]
    public void The_LSTM_weights_are_reordered_gate_by_gate()
    {
        // Kernel column j of Keras gate block b holds the value 10·b + j: ONNX W's rows must read i, o, f, c.
        const int units = 2;
        float[] kernel = [.. Enumerable.Range(0, 4 * units).Select(c => (float)((10 * (c / units)) + (c % units)))];
        RecurrentWeights w = KerasLayouts.Lstm(kernel, new float[units * 4 * units], [], inputs: 1, units);
        Assert.Equal([0f, 1f, 30f, 31f, 10f, 11f, 20f, 21f], w.W);
    }

    [Fact]
    public void An_activation_the_recurrent_operators_lack_is_an_exception_naming_the_layer()
    {
        var g = new OnnxGraphBuilder("g");
        string x = g.AddInput("x", [OnnxDim.Batch, Steps, Inputs]);
        var error = Assert.Throws<OnnxExportException>(() => g.Lstm("lstm_2", x, new float[Inputs * 4 * Units], new float[Units * 4 * Units], [], Inputs, Units, activation: "gelu"));
        Assert.Equal("lstm_2", error.Layer);
        Assert.Contains("'gelu'", error.Message);
    }
}

using StaticKeras.Onnx;

namespace StaticKeras.Onnx.Tests;

/// <summary>What the builder refuses, and how it says so: the node, the value, the fix.</summary>
public sealed class GraphValidationTests
{
    private static OnnxGraphBuilder WithInput(out string x)
    {
        var g = new OnnxGraphBuilder("g");
        x = g.AddInput("x", [OnnxDim.Batch, 2]);
        return g;
    }

    [Fact]
    public void A_node_reading_a_value_nothing_defines_names_both()
    {
        OnnxGraphBuilder g = WithInput(out _);
        var error = Assert.Throws<ArgumentException>(() => g.AddNode("Relu", "relu", ["missing"]));
        Assert.Contains("'relu'", error.Message);
        Assert.Contains("'missing'", error.Message);
    }

    [Fact]
    public void A_value_defined_twice_is_refused()
    {
        OnnxGraphBuilder g = WithInput(out string x);
        g.Activation("relu", x, "relu");
        var error = Assert.Throws<ArgumentException>(() => g.Activation("relu", x, "tanh"));
        Assert.Contains("'relu'", error.Message);
    }

    [Fact]
    public void An_output_no_node_writes_and_a_graph_without_outputs_are_refused_when_written()
    {
        OnnxGraphBuilder g = WithInput(out _);
        Assert.Contains("no output", Assert.Throws<InvalidOperationException>(() => g.ToArray()).Message);
        g.AddOutput("y", [OnnxDim.Batch, 2]);
        Assert.Contains("'y'", Assert.Throws<InvalidOperationException>(() => g.ToArray()).Message);
    }

    [Fact]
    public void An_operator_newer_than_the_imported_opset_names_the_opset_it_needs()
    {
        OnnxGraphBuilder g = WithInput(out string x);
        g.AddOutput(g.AddNode("Gelu", "gelu", [x]), [OnnxDim.Batch, 2]);
        var error = Assert.Throws<InvalidOperationException>(() => g.ToArray());
        Assert.Contains("Gelu", error.Message);
        Assert.Contains("opset 20", error.Message);
        Assert.Contains("imports opset 17", error.Message);
    }

    [Fact]
    public void Opsets_outside_17_to_23_and_tensors_whose_shape_is_not_their_size_are_refused()
    {
        var g = new OnnxGraphBuilder("g");
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Opset = 16);
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Opset = 24);
        var error = Assert.Throws<ArgumentException>(() => OnnxTensor.Float("w", [2, 3], new float[5]));
        Assert.Contains("(2, 3) = 6 values, but 5", error.Message);
    }

    [Fact]
    public void Keras_same_padding_puts_the_odd_pixel_at_the_end()
    {
        Assert.Equal((0, 1), KerasLayouts.SamePadding(input: 6, kernel: 3, stride: 2, dilation: 1));
        Assert.Equal((1, 1), KerasLayouts.SamePadding(input: 5, kernel: 3, stride: 1, dilation: 1));
        Assert.Equal((2, 2), KerasLayouts.SamePadding(input: 5, kernel: 3, stride: 1, dilation: 2));
    }
}

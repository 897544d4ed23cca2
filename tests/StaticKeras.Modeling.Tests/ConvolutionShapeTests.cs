using StaticKeras.Kernels;
using StaticKeras.Modeling.Layers.Convolutional;
using StaticKeras.Modeling.Shapes;
using static StaticKeras.Modeling.Tests.Specs;

namespace StaticKeras.Modeling.Tests;

/// <summary>The convolution family's and BatchNormalization's shape rules, weights and errors, on hand-built specs.</summary>
public sealed class ConvolutionShapeTests
{
    private static ModelGraph Infer(params (string, (string, object)[])[] layers) => ShapeInference.Infer(Model(layers));

    private static string Weights(LayerNode layer) =>
        string.Join(" ", layer.Weights.Select(w => $"{w.Name}{new Shape(w.Dims).ToStringWithoutBatch()}{(w.Trainable ? "" : "*")}"));

    [Fact]
    public void The_compile_time_window_arithmetic_is_the_runtimes()
    {
        // ConvWindow copies the runtime's ConvPadding (the generator cannot reference it): every case must agree.
        for (int input = 1; input <= 12; input++)
        {
            for (int kernel = 1; kernel <= 5; kernel++)
            {
                for (int stride = 1; stride <= 3; stride++)
                {
                    for (int dilation = 1; dilation <= 3; dilation++)
                    {
                        Assert.Equal(ConvPadding.Same(input, kernel, stride, dilation), ConvWindow.Padding("same", input, kernel, stride, dilation));
                        Assert.Equal(ConvPadding.Causal(kernel, dilation), ConvWindow.Padding("causal", input, kernel, stride, dilation));
                        Assert.Equal(ConvPadding.OutputLength(input, kernel, stride, dilation, 1, 2), ConvWindow.OutputLength(input, kernel, stride, dilation, 1, 2));
                        foreach (bool same in new[] { false, true })
                        {
                            foreach (int? outputPadding in new int?[] { null, 0, stride - 1 })
                            {
                                Assert.Equal(ConvPadding.Transpose(input, kernel, stride, dilation, same, outputPadding), ConvWindow.Transpose(input, kernel, stride, dilation, same, outputPadding));
                            }
                        }
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(new[] { 28, 28, 1 }, 3, new[] { 1 }, "valid", "(None, 26, 26, 32)")]
    [InlineData(new[] { 28, 28, 1 }, 3, new[] { 2 }, "same", "(None, 14, 14, 32)")]
    [InlineData(new[] { 7, 6, 3 }, 3, new[] { 2 }, "same", "(None, 4, 3, 32)")]
    [InlineData(new[] { 10, 8, 3 }, 5, new[] { 3, 2 }, "valid", "(None, 2, 2, 32)")]
    public void Conv2D_output_shapes_follow_keras(int[] input, int kernel, int[] strides, string padding, string output)
    {
        ModelGraph graph = Infer(Layer("Input", ("Shape", input)), Layer("Conv2D", ("Filters", 32), ("KernelSize", new[] { kernel }), ("Strides", strides), ("Padding", padding)));
        Assert.True(graph.IsValid, string.Join("\n", graph.Errors));
        Assert.Equal(output, graph.Output.OutputShape.ToString());
        Assert.Equal($"kernel({kernel}, {kernel}, {input[2]}, 32) bias(32,)", Weights(graph.Output));
    }

    [Theory]
    [InlineData("valid", 1, new[] { 7, 4 })]
    [InlineData("same", 2, new[] { 5, 4 })]
    [InlineData("causal", 1, new[] { 9, 4 })]
    public void Conv1D_paddings_follow_keras(string padding, int stride, int[] output)
    {
        ModelGraph graph = Infer(Layer("Input", ("Shape", new[] { 9, 6 })), Layer("Conv1D", ("Filters", 4), ("KernelSize", 3), ("Strides", new[] { stride }), ("Padding", padding), ("Groups", 2)));
        Assert.True(graph.IsValid, string.Join("\n", graph.Errors));
        Assert.Equal(Shape.Of(output), graph.Output.OutputShape);
        Assert.Equal("kernel(3, 3, 4) bias(4,)", Weights(graph.Output));
    }

    [Fact]
    public void The_other_convolutions_have_keras_weights_and_shapes()
    {
        ModelGraph depthwise = Infer(Layer("Input", ("Shape", new[] { 8, 8, 3 })), Layer("DepthwiseConv2D", ("KernelSize", new[] { 3 }), ("DepthMultiplier", 2)));
        Assert.Equal("(None, 6, 6, 6)", depthwise.Output.OutputShape.ToString());
        Assert.Equal("kernel(3, 3, 3, 2) bias(6,)", Weights(depthwise.Output));

        ModelGraph separable = Infer(Layer("Input", ("Shape", new[] { 8, 8, 3 })), Layer("SeparableConv2D", ("Filters", 5), ("KernelSize", new[] { 3 }), ("Padding", "same"), ("UseBias", false)));
        Assert.Equal("(None, 8, 8, 5)", separable.Output.OutputShape.ToString());
        Assert.Equal("depthwise_kernel(3, 3, 3, 1) pointwise_kernel(1, 1, 3, 5)", Weights(separable.Output));

        ModelGraph transpose = Infer(Layer("Input", ("Shape", new[] { 7, 7, 8 })), Layer("Conv2DTranspose", ("Filters", 4), ("KernelSize", new[] { 3 }), ("Strides", new[] { 2 })));
        Assert.Equal("(None, 15, 15, 4)", transpose.Output.OutputShape.ToString());
        Assert.Equal("kernel(3, 3, 4, 8) bias(4,)", Weights(transpose.Output));
        ModelGraph same = Infer(Layer("Input", ("Shape", new[] { 7, 7, 8 })), Layer("Conv2DTranspose", ("Filters", 4), ("KernelSize", new[] { 3 }), ("Strides", new[] { 2 }), ("Padding", "same"), ("OutputPadding", new[] { 1, 0 })));
        Assert.Equal("(None, 14, 13, 4)", same.Output.OutputShape.ToString()); // (in − 1)·stride + kernel % 2 + output_padding
    }

    [Fact]
    public void BatchNormalization_has_keras_weights_in_keras_order()
    {
        ModelGraph graph = Infer(Layer("Input", ("Shape", new[] { 5, 5, 3 })), Layer("BatchNormalization"));
        Assert.Equal("gamma(3,) beta(3,) moving_mean(3,)* moving_variance(3,)*", Weights(graph.Output));
        ModelGraph axis = Infer(Layer("Input", ("Shape", new[] { 5, 4, 3 })), Layer("BatchNormalization", ("Axis", 1), ("Center", false)));
        Assert.Equal("gamma(5,) moving_mean(5,)* moving_variance(5,)*", Weights(axis.Output));
    }

    [Theory]
    [InlineData("Conv2D", new[] { 784 }, "takes (height, width, channels) per sample but 'input_layer' is (None, 784). Insert [Reshape(28, 28, 1)] before it")]
    [InlineData("Conv2D", new[] { 28, 28 }, "Insert [Reshape(28, 28, 1)] before it to give it one channel")]
    [InlineData("Conv1D", new[] { 28, 28, 1 }, "takes (steps, channels) per sample but 'input_layer' is (None, 28, 28, 1)")]
    public void A_wrong_rank_names_the_layer_to_insert(string layer, int[] input, string message)
    {
        ModelError error = Assert.Single(Infer(Layer("Input", ("Shape", input)), Layer(layer, ("Filters", 8), ("KernelSize", new[] { 3 }))).Errors);
        Assert.Equal(ErrorKind.IncompatibleInput, error.Kind);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_kernel_larger_than_the_padded_input_names_both_sizes()
    {
        ModelError error = Assert.Single(Infer(Layer("Input", ("Shape", new[] { 4, 4, 1 })), Layer("Conv2D", ("Filters", 8), ("KernelSize", new[] { 3 }), ("DilationRate", new[] { 2 }))).Errors);
        Assert.Equal(("KernelSize", ErrorKind.NonPositiveDimension), (error.Argument, error.Kind));
        Assert.Contains("its 3×3 kernel (dilated to 5×5) does not fit the 4×4 input with padding \"valid\", so the output would be 0×0", error.Message);
    }

    [Theory]
    [InlineData(new[] { 8, 8, 6 }, 3, 8, false, "Groups (3) must be at least 1 and divide Filters (8)")]
    [InlineData(new[] { 8, 8, 6 }, 4, 8, true, "Groups (4) must divide the input's 6 channels")]
    public void Groups_must_divide_the_channels_and_the_filters(int[] input, int groups, int filters, bool fromInput, string message)
    {
        const string argument = "Groups";
        ErrorKind kind = fromInput ? ErrorKind.IncompatibleInput : ErrorKind.InvalidHyperparameter;
        ModelError error = Assert.Single(Infer(Layer("Input", ("Shape", input)), Layer("Conv2D", ("Filters", filters), ("KernelSize", new[] { 3 }), ("Groups", groups))).Errors);
        Assert.Equal((argument, kind), (error.Argument, error.Kind));
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("Strides", new[] { 2, 2, 2 }, "Strides needs one or 2 whole numbers, each at least 1; got (2, 2, 2)")]
    [InlineData("KernelSize", new[] { 0 }, "KernelSize needs one or 2 whole numbers, each at least 1; got (0, 0)")]
    [InlineData("Padding", "causal", "Padding \"causal\" is not one of \"valid\", \"same\"")]
    [InlineData("DilationRate", new[] { 2 }, "Strides (2, 2) and DilationRate (2, 2) cannot both be above 1")]
    public void Window_arguments_are_checked_on_the_argument_at_fault(string argument, object value, string message)
    {
        var args = new List<(string, object)> { ("Filters", 8), ("KernelSize", new[] { 3 }) };
        args.RemoveAll(a => a.Item1 == argument);
        args.Add((argument, value));
        if (argument == "DilationRate")
        {
            args.Add(("Strides", new[] { 2 }));
        }

        ModelError error = Assert.Single(Infer(Layer("Input", ("Shape", new[] { 9, 9, 1 })), Layer("Conv2D", args.ToArray())).Errors);
        Assert.Equal((argument, ErrorKind.InvalidHyperparameter), (error.Argument, error.Kind));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Output_padding_must_stay_below_the_stride()
    {
        ModelError error = Assert.Single(Infer(Layer("Input", ("Shape", new[] { 4, 4, 2 })), Layer("Conv2DTranspose", ("Filters", 2), ("KernelSize", new[] { 3 }), ("Strides", new[] { 2 }), ("OutputPadding", new[] { 2 }))).Errors);
        Assert.Equal("OutputPadding", error.Argument);
        Assert.Contains("OutputPadding (2, 2) must be below Strides (2, 2)", error.Message);
    }

    [Theory]
    [InlineData("Axis", 0, "Axis 0 is the batch")]
    [InlineData("Axis", 4, "Axis 4 is outside its input (None, 5, 5, 3)")]
    [InlineData("Momentum", 1.5, "Momentum must be between 0 and 1")]
    [InlineData("Epsilon", 0.0, "Epsilon must be above 0")]
    public void BatchNormalization_arguments_are_checked(string argument, object value, string message)
    {
        ModelError error = Assert.Single(Infer(Layer("Input", ("Shape", new[] { 5, 5, 3 })), Layer("BatchNormalization", (argument, value))).Errors);
        Assert.Equal(argument, error.Argument);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData(3, 16)]
    [InlineData(15, 32)]
    [InlineData(16, 15)]
    [InlineData(16, 16)]
    [InlineData(32, 64)]
    public void Inference_prepares_a_Winograd_kernel_exactly_where_the_runtime_uses_one(int channels, int filters)
    {
        ModelGraph graph = SingleLayer.Infer([9, 9, channels], "Conv2D", ("Filters", filters), ("KernelSize", new[] { 3 }), ("Padding", "same"));
        bool prepares = SingleLayer.Lower(graph, training: false).PrepareOps.Count > 0;
        Assert.Equal(Conv2DKernel.PreparedKernelSize(new ConvGeometry(9, 9, channels, filters, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1)) > 0, prepares);
        Assert.Empty(SingleLayer.Lower(graph, training: true).PrepareOps);
    }
}

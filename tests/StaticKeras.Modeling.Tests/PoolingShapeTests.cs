using StaticKeras.Modeling.Layers.Pooling;
using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using static StaticKeras.Modeling.Tests.SingleLayer;

namespace StaticKeras.Modeling.Tests;

/// <summary>The pooling layers' shape rules, argument checks and geometry, on hand-built specs.</summary>
public sealed class PoolingShapeTests
{
    public static TheoryData<string, int[], (string, object)[], string> Outputs() => new()
    {
        // Keras's defaults: MaxPooling2D pool (2, 2), strides = pool, 'valid' (floor).
        { "MaxPooling2D", [28, 28, 1], [], "(None, 14, 14, 1)" },
        { "MaxPooling2D", [7, 5, 3], [], "(None, 3, 2, 3)" },
        { "MaxPooling2D", [10, 10, 2], [("PoolSize", new[] { 3 })], "(None, 3, 3, 2)" },
        { "AveragePooling2D", [5, 7, 1], [("PoolSize", new[] { 2, 3 })], "(None, 2, 2, 1)" },
        { "AveragePooling2D", [8, 8, 1], [("PoolSize", new[] { 3 }), ("Strides", new[] { 1, 2 })], "(None, 6, 3, 1)" },
        // 'same': ceil(input / stride) windows.
        { "MaxPooling2D", [7, 6, 4], [("PoolSize", new[] { 3 }), ("Strides", new[] { 2 }), ("Padding", "same")], "(None, 4, 3, 4)" },
        { "AveragePooling2D", [2, 5, 1], [("PoolSize", new[] { 3 }), ("Padding", "same")], "(None, 1, 2, 1)" },
        { "MaxPooling1D", [9, 3], [], "(None, 4, 3)" },
        { "AveragePooling1D", [9, 3], [("PoolSize", 3), ("Strides", new[] { 2 }), ("Padding", "same")], "(None, 5, 3)" },
        { "GlobalAveragePooling2D", [5, 6, 3], [], "(None, 3)" },
        { "GlobalMaxPooling2D", [5, 6, 3], [("KeepDims", true)], "(None, 1, 1, 3)" },
        { "GlobalMaxPooling1D", [7, 4], [], "(None, 4)" },
        { "GlobalAveragePooling1D", [7, 4], [("KeepDims", true)], "(None, 1, 4)" },
    };

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Output_shapes_follow_keras(string layer, int[] input, (string, object)[] args, string output)
    {
        ModelGraph graph = Infer(input, layer, args);
        Assert.True(graph.IsValid, string.Join("\n", graph.Errors));
        Assert.Equal(output, graph.Output.OutputShape.ToString());
        Assert.Empty(graph.Output.Weights);
    }

    [Fact]
    public void Same_padding_puts_the_odd_pixel_after_in_the_kernel_geometry()
    {
        // 6 rows, pool 3, stride 2: 3 outputs, total padding 1 -> (0, 1); 7 columns: 4 outputs, total 2 -> (1, 1).
        ModelGraph graph = Infer([6, 7, 40], "MaxPooling2D", ("PoolSize", new[] { 3 }), ("Strides", new[] { 2 }), ("Padding", "same"));
        LayerLowering lowering = Lower(graph, training: true);
        Assert.Equal("new(6, 7, 40, 3, 3, 2, 2, 0, 1, 1, 1)", Assert.Single(lowering.Fields).Initializer);
        Assert.Equal(["global::StaticKeras.Kernels.MaxPoolKernel.Forward"], lowering.ForwardOps.Select(o => o.Target));
        Assert.Equal(new[] { OpArgKind.Field, OpArgKind.Batch, OpArgKind.Input, OpArgKind.Output, OpArgKind.OutputGradient, OpArgKind.InputGradient, OpArgKind.Accumulate }, Assert.Single(lowering.BackwardOps).Arguments.Select(a => a.Kind));
        Assert.Equal("(None, 3, 4, 40)", graph.Output.OutputShape.ToString());

        ModelGraph sequence = Infer([9, 16], "AveragePooling1D", ("PoolSize", 3), ("Strides", new[] { 2 }), ("Padding", "same"));
        Assert.Equal("global::StaticKeras.Kernels.PoolGeometry.Pool1D(9, 16, 3, 2, 1, 1)", Assert.Single(Lower(sequence, training: false).Fields).Initializer);
        ModelGraph global = Infer([5, 6, 20], "GlobalAveragePooling2D");
        Assert.Equal("global::StaticKeras.Kernels.PoolGeometry.Global(5, 6, 20)", Assert.Single(Lower(global, training: false).Fields).Initializer);
    }

    [Fact]
    public void A_pool_larger_than_the_input_is_SK1005_on_the_pool_size_with_the_sizes()
    {
        ModelError error = Error([2, 5, 1], "MaxPooling2D", ("PoolSize", new[] { 3 }));
        Assert.Equal((ErrorKind.NonPositiveDimension, "PoolSize"), (error.Kind, error.Argument));
        Assert.Equal("MaxPooling2D 'max_pooling2d': its 3×3 pool does not fit the 2×5 input with Padding \"valid\" (rows: 2 < 3). Use Padding = \"same\", a smaller PoolSize, or a larger input.", error.Message);
        Assert.Contains("(steps: 2 < 3)", Error([2, 4], "AveragePooling1D", ("PoolSize", 3)).Message);
    }

    [Theory]
    [InlineData("MaxPooling2D", new[] { 784 }, "needs images (None, height, width, channels), but its input is (None, 784). Insert [Reshape(28, 28, 1)] before it.")]
    [InlineData("AveragePooling2D", new[] { 10, 8 }, "Use [AveragePooling1D] for sequences, or insert [Reshape(10, 8, 1)] before it.")]
    [InlineData("MaxPooling1D", new[] { 28, 28, 1 }, "needs sequences (None, steps, channels), but its input is (None, 28, 28, 1). Use [MaxPooling2D] for images, or insert [Reshape(784, 1)] before it.")]
    [InlineData("GlobalMaxPooling1D", new[] { 64 }, "Insert [Reshape(64, 1)] before it.")]
    [InlineData("GlobalAveragePooling2D", new[] { 2, 3, 4, 5 }, "Insert [Reshape(6, 4, 5)] before it.")]
    public void A_wrong_rank_is_SK1004_naming_the_layer_to_insert(string layer, int[] input, string message)
    {
        (string, object)[] args = layer == "AveragePooling2D" ? [("PoolSize", new[] { 2 })] : [];
        ModelError error = Error(input, layer, args);
        Assert.Equal((ErrorKind.IncompatibleInput, null), (error.Kind, error.Argument));
        Assert.EndsWith(message, error.Message);
    }

    [Theory]
    [InlineData("AveragePooling2D", "PoolSize", new int[0], -1, "PoolSize must be one whole number or 2, each at least 1; got nothing. For example [AveragePooling2D(2)] or [AveragePooling2D(3, 2)].")]
    [InlineData("MaxPooling2D", "PoolSize", new[] { 2, 3, 4 }, -1, "PoolSize must be one whole number or 2, each at least 1; got [2, 3, 4].")]
    [InlineData("MaxPooling2D", "PoolSize", new[] { 2, 0 }, 1, "got [2, 0]")]
    [InlineData("MaxPooling2D", "Strides", new[] { 0 }, 0, "Strides must be one whole number or 2, each at least 1; got [0]. For example [MaxPooling2D(2, Strides = [1])].")]
    [InlineData("MaxPooling1D", "Strides", new[] { 1, 1 }, -1, "Strides must be one whole number, each at least 1; got [1, 1].")]
    public void Pool_sizes_and_strides_are_keras_tuples(string layer, string argument, int[] value, int position, string message)
    {
        int[] input = layer.EndsWith("1D", StringComparison.Ordinal) ? [8, 2] : [8, 8, 2];
        ModelError error = Error(input, layer, (argument, value));
        Assert.Equal((ErrorKind.InvalidHyperparameter, argument, position), (error.Kind, error.Argument, error.ArgumentPosition));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Padding_is_valid_or_same_in_lower_case_as_keras_shape_inference_needs()
    {
        ModelError error = Error([8, 8, 2], "MaxPooling2D", ("Padding", "SAME"));
        Assert.Equal(("Padding", ErrorKind.InvalidHyperparameter), (error.Argument, error.Kind));
        Assert.Contains("Padding \"SAME\" is not one Keras knows. Use \"valid\", \"same\" (did you mean \"same\"?)", error.Message);
    }
}

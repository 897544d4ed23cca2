using StaticKeras.Modeling.Lowering;
using StaticKeras.Modeling.Shapes;
using static StaticKeras.Modeling.Tests.SingleLayer;

namespace StaticKeras.Modeling.Tests;

/// <summary>The reshaping and noise layers' shape rules, argument checks and lowerings, on hand-built specs.</summary>
public sealed class ReshapingShapeTests
{
    public static TheoryData<string, int[], (string, object)[], string> Outputs() => new()
    {
        // Keras's defaults: ZeroPadding 1 on every side, Cropping1D (1, 1), Cropping2D nothing, UpSampling 2.
        { "ZeroPadding2D", [4, 5, 2], [], "(None, 6, 7, 2)" },
        { "ZeroPadding2D", [4, 5, 2], [("Padding", new[] { 1, 2 })], "(None, 6, 9, 2)" },
        { "ZeroPadding2D", [4, 5, 2], [("Padding", new[] { 1, 2, 3, 4 })], "(None, 7, 12, 2)" },
        { "ZeroPadding1D", [5, 2], [], "(None, 7, 2)" },
        { "ZeroPadding1D", [5, 2], [("Padding", new[] { 1, 3 })], "(None, 9, 2)" },
        { "Cropping1D", [5, 2], [], "(None, 3, 2)" },
        { "Cropping1D", [5, 2], [("Cropping", new[] { 0, 4 })], "(None, 1, 2)" },
        { "Cropping2D", [8, 9, 1], [], "(None, 8, 9, 1)" },
        { "Cropping2D", [8, 9, 1], [("Cropping", new[] { 1, 2, 3, 4 })], "(None, 5, 2, 1)" },
        { "UpSampling2D", [3, 4, 2], [], "(None, 6, 8, 2)" },
        { "UpSampling2D", [3, 4, 2], [("Size", new[] { 2, 3 }), ("Interpolation", "Bilinear")], "(None, 6, 12, 2)" },
        { "UpSampling1D", [4, 2], [("Size", 3)], "(None, 12, 2)" },
        { "Permute", [3, 4], [("Dims", new[] { 2, 1 })], "(None, 4, 3)" },
        { "Permute", [2, 3, 4], [("Dims", new[] { 3, 1, 2 })], "(None, 4, 2, 3)" },
        { "RepeatVector", [5], [("N", 3)], "(None, 3, 5)" },
        { "SpatialDropout1D", [6, 3], [("Rate", 0.5)], "(None, 6, 3)" },
        { "SpatialDropout2D", [4, 4, 3], [("Rate", 0.25)], "(None, 4, 4, 3)" },
        { "GaussianNoise", [2, 3, 4, 5], [("Stddev", 1.0)], "(None, 2, 3, 4, 5)" },
        { "GaussianDropout", [7], [("Rate", 0.0)], "(None, 7)" },
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

    [Theory]
    [InlineData("ZeroPadding2D", "Padding", new[] { 1, 2, 3 }, -1, "Padding must be 1, 2 (rows, columns) or 4 (top, bottom, left, right) whole numbers, each at least 0; got [1, 2, 3].")]
    [InlineData("ZeroPadding2D", "Padding", new[] { 1, -1 }, 1, "got [1, -1]")]
    [InlineData("Cropping1D", "Cropping", new[] { 1, 2, 3 }, -1, "Cropping must be one whole number or two (before, after), each at least 0")]
    [InlineData("UpSampling2D", "Size", new[] { 0 }, 0, "Size must be one whole number or 2, each at least 1; got [0].")]
    [InlineData("RepeatVector", "N", 0, -1, "N must be a positive whole number; got 0. Set it to the number of copies, for example [RepeatVector(3)].")]
    [InlineData("Permute", "Dims", new[] { 1, 1 }, 1, "Dims (1, 1) must name every axis 1..2 of its input (None, 4, 4) once (Keras counts from 1; the batch is axis 0); 1 is repeated.")]
    [InlineData("Permute", "Dims", new[] { 0, 1 }, 0, "0 is out of range.")]
    [InlineData("SpatialDropout2D", "Rate", 1.0, -1, "Rate must be in [0, 1); got 1. It is the fraction of channels to drop, for example [SpatialDropout2D(0.2)].")]
    [InlineData("GaussianDropout", "Rate", -0.5, -1, "Rate must be in [0, 1); got -0.5.")]
    [InlineData("GaussianNoise", "Stddev", 2.0, -1, "Stddev must be in [0, 1], as Keras 3 requires; got 2.")]
    [InlineData("UpSampling2D", "Interpolation", "bicubic", -1, "Interpolation \"bicubic\" is a Keras resize StaticKeras does not have; use \"nearest\" or \"bilinear\".")]
    [InlineData("UpSampling2D", "Interpolation", "bilinar", -1, "(did you mean \"bilinear\"?)")]
    public void Out_of_range_arguments_are_SK2001_on_the_argument(string layer, string argument, object value, int position, string message)
    {
        int[] input = layer switch
        {
            "Permute" => [4, 4],
            "RepeatVector" or "GaussianNoise" or "GaussianDropout" => [4],
            _ when layer.EndsWith("1D", StringComparison.Ordinal) => [4, 4],
            _ => [4, 4, 4],
        };
        ModelError error = Error(input, layer, (argument, value));
        Assert.Equal((ErrorKind.InvalidHyperparameter, argument, position), (error.Kind, error.Argument, error.ArgumentPosition));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Cropping_everything_is_SK1005_with_the_sizes()
    {
        ModelError error = Error([8, 9, 1], "Cropping2D", ("Cropping", new[] { 4 }));
        Assert.Equal((ErrorKind.NonPositiveDimension, "Cropping"), (error.Kind, error.Argument));
        Assert.Equal("Cropping2D 'cropping2d' would crop 4 + 4 of its 8 rows and 4 + 4 of its 9 columns, leaving (None, 0, 1, 1). Crop less than the input's size on each axis (Keras requires it too).", error.Message);
        Assert.Contains("would crop 1 + 1 of its 2 steps, leaving (None, 0, 3)", Error([2, 3], "Cropping1D").Message);
    }

    [Theory]
    [InlineData("ZeroPadding2D", new[] { 16 }, "needs images (None, height, width, channels), but its input is (None, 16). Insert [Reshape(4, 4, 1)] before it.")]
    [InlineData("Cropping1D", new[] { 4, 4, 2 }, "Use [Cropping2D] for images, or insert [Reshape(16, 2)] before it.")]
    [InlineData("UpSampling1D", new[] { 5 }, "needs sequences (None, steps, channels), but its input is (None, 5). Insert [Reshape(5, 1)] before it.")]
    [InlineData("SpatialDropout2D", new[] { 6, 3 }, "Use [SpatialDropout1D] for sequences, or insert [Reshape(6, 3, 1)] before it.")]
    [InlineData("RepeatVector", new[] { 2, 5 }, "RepeatVector 'repeat_vector' needs vectors (None, features), but its input is (None, 2, 5). Insert [Flatten] before it.")]
    [InlineData("Permute", new[] { 2, 3, 4 }, "Permute 'permute' reorders 2 axes (2, 1), but its input (None, 2, 3, 4) has 3. Give every axis 1..3 once, for example [Permute(3, 2, 1)].")]
    public void A_wrong_rank_is_SK1004_naming_the_fix(string layer, int[] input, string message)
    {
        (string, object)[] args = layer switch
        {
            "SpatialDropout2D" => [("Rate", 0.5)],
            "RepeatVector" => [("N", 2)],
            "Permute" => [("Dims", new[] { 2, 1 })],
            _ => [],
        };
        ModelError error = Error(input, layer, args);
        Assert.Equal(ErrorKind.IncompatibleInput, error.Kind);
        Assert.EndsWith(message, error.Message);
    }

    [Theory]
    [InlineData("SpatialDropout2D", "Rate", 0.5)]
    [InlineData("GaussianNoise", "Stddev", 0.5)]
    [InlineData("GaussianDropout", "Rate", 0.5)]
    public void Noise_layers_are_views_at_inference_and_draw_while_training(string layer, string argument, double value)
    {
        ModelGraph graph = Infer([4, 4, 3], layer, (argument, value), ("Seed", 7));
        LayerLowering inference = Lower(graph, training: false);
        Assert.True(inference.AliasesInput);
        Assert.Empty(inference.ForwardOps);

        LayerLowering training = Lower(graph, training: true);
        Assert.False(training.AliasesInput);
        OpArg random = Assert.Single(Assert.Single(training.ForwardOps).Arguments, a => a.Kind == OpArgKind.Random);
        Assert.Equal(7, random.Position);
        Assert.Single(training.BackwardOps);
        int expectedCache = layer switch { "SpatialDropout2D" => 3, "GaussianDropout" => 48, _ => -1 }; // a mask per channel, noise per value, none for additive noise
        Assert.Equal(expectedCache, training.Buffers.SingleOrDefault()?.Floats ?? -1);
    }

    [Theory]
    [InlineData("ZeroPadding2D", "Padding", new[] { 0 })]
    [InlineData("Cropping1D", "Cropping", new[] { 0 })]
    [InlineData("UpSampling2D", "Size", new[] { 1 })]
    [InlineData("Permute", "Dims", new[] { 1, 2 })]
    [InlineData("SpatialDropout1D", "Rate", 0.0)]
    public void Layers_that_change_nothing_are_views_of_their_input(string layer, string argument, object value)
    {
        int[] input = layer is "Permute" or "Cropping1D" or "SpatialDropout1D" ? [4, 3] : [4, 4, 3];
        LayerLowering training = Lower(Infer(input, layer, (argument, value)), training: true);
        Assert.True(training.AliasesInput);
        Assert.Empty(training.ForwardOps);
    }

    [Fact]
    public void Permute_passes_keras_dims_minus_one_and_the_input_shape_as_static_arrays()
    {
        LayerLowering lowering = Lower(Infer([2, 3, 4], "Permute", ("Dims", new[] { 3, 1, 2 })), training: true);
        Assert.Equal(["[2, 3, 4]", "[2, 0, 1]"], lowering.Fields.Select(f => f.Initializer));
        Assert.All(lowering.Fields, f => Assert.Equal("int[]", f.Type));
    }
}

using StaticKeras.Modeling.Shapes;
using static StaticKeras.Modeling.Tests.Specs;

namespace StaticKeras.Modeling.Tests;

/// <summary>The preprocessing layers' shape rules, weights and argument checks, on hand-built specs.</summary>
public sealed class PreprocessingShapeTests
{
    private static ModelGraph Infer(params (string, (string, object)[])[] layers) => ShapeInference.Infer(Model(layers));

    private static string Weights(LayerNode layer) =>
        string.Join(" ", layer.Weights.Select(w => $"{w.Name}{new Shape(w.Dims).ToStringWithoutBatch()}{(w.Trainable ? "" : "*")}"));

    [Theory]
    [InlineData(new[] { 5 }, new[] { -1 }, "mean(5,)* variance(5,)* count()*")]
    [InlineData(new[] { 4, 6, 3 }, new[] { -1 }, "mean(3,)* variance(3,)* count()*")]
    [InlineData(new[] { 4, 6, 3 }, new[] { 1, 3 }, "mean(4, 3)* variance(4, 3)* count()*")]
    [InlineData(new[] { 4, 6, 3 }, new int[0], "mean()* variance()* count()*")]
    public void Adapted_normalization_keeps_keras_non_trainable_weights_over_the_kept_axes(int[] input, int[] axis, string weights)
    {
        ModelGraph graph = Infer(Layer("Input", ("Shape", input)), Layer("Normalization", ("Axis", axis)));
        Assert.True(graph.IsValid, string.Join("\n", graph.Errors));
        Assert.Equal(weights, Weights(graph.Layers[1]));
        Assert.Equal(graph.Layers[0].OutputShape, graph.Layers[1].OutputShape);
        Assert.Equal("normalization", graph.Layers[1].Name);
    }

    [Theory]
    [InlineData(new[] { 4 }, new[] { 0 }, "Axis [0] is outside its input (None, 4)")]
    [InlineData(new[] { 4 }, new[] { 2 }, "Axis [2] is outside its input (None, 4)")]
    public void Normalization_axes_must_be_sample_axes(int[] input, int[] axis, string message)
    {
        ModelError error = Assert.Single(Infer(Layer("Input", ("Shape", input)), Layer("Normalization", ("Axis", axis))).Errors);
        Assert.Equal(("Axis", ErrorKind.InvalidHyperparameter), (error.Argument, error.Kind));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Given_statistics_must_pair_up_and_broadcast()
    {
        ModelError unpaired = Assert.Single(Infer(Layer("Input", ("Shape", new[] { 3 })), Layer("Normalization", ("Mean", new[] { 1, 2, 3 }))).Errors);
        Assert.Contains("Mean has 3 values and Variance 0; give both with the same length", unpaired.Message);
        ModelError shape = Assert.Single(Infer(Layer("Input", ("Shape", new[] { 3 })), Layer("Normalization", ("Mean", new[] { 1, 2 }), ("Variance", new[] { 1, 2 }))).Errors);
        Assert.Contains("do not broadcast to the kept axes' shape (3,); give 1 value, 3", shape.Message);
        ModelGraph given = Infer(Layer("Input", ("Shape", new[] { 2, 3 })), Layer("Normalization", ("Mean", new[] { 1, 2, 3 }), ("Variance", new[] { 1, 2, 3 })));
        Assert.True(given.IsValid);
        Assert.Empty(given.Layers[1].Weights);
    }

    [Theory]
    [InlineData("one_hot", new[] { 1 }, "(None, 4)")]
    [InlineData("one_hot", new[] { 3 }, "(None, 3, 4)")]
    [InlineData("multi_hot", new[] { 3 }, "(None, 4)")]
    [InlineData("count", new[] { 2, 3 }, "(None, 2, 4)")]
    public void CategoryEncoding_shapes_follow_keras(string mode, int[] input, string output)
    {
        ModelGraph graph = Infer(Layer("Input", ("Shape", input)), Layer("CategoryEncoding", ("NumTokens", 4), ("OutputMode", mode)));
        Assert.Equal(output, graph.Output.OutputShape.ToString());
    }

    [Theory]
    [InlineData("int", "(None, 5)")]
    [InlineData("one_hot", "(None, 5, 4)")]
    [InlineData("multi_hot", "(None, 4)")]
    public void Discretization_makes_one_more_bin_than_boundaries(string mode, string output)
    {
        ModelGraph graph = Infer(Layer("Input", ("Shape", new[] { 5 })), Layer("Discretization", ("BinBoundaries", new[] { 0, 1, 2 }), ("OutputMode", mode)));
        Assert.Equal(output, graph.Output.OutputShape.ToString());
    }

    [Theory]
    [InlineData("CategoryEncoding", "OutputMode", "one-hot", "did you mean \"one_hot\"?")]
    [InlineData("RandomFlip", "Mode", "horizontal_vertical", "did you mean \"horizontal_and_vertical\"?")]
    [InlineData("RandomRotation", "FillMode", "reflection", "did you mean \"reflect\"?")]
    [InlineData("RandomZoom", "Interpolation", "bilinar", "did you mean \"bilinear\"?")]
    public void Option_strings_are_keras_names_with_a_suggestion(string layer, string argument, string value, string message)
    {
        var args = new List<(string, object)> { (argument, value) };
        if (layer is "RandomRotation" or "RandomZoom")
        {
            args.Add((layer == "RandomZoom" ? "HeightFactor" : "Factor", 0.1));
        }
        else if (layer == "CategoryEncoding")
        {
            args.Add(("NumTokens", 3));
        }

        ModelError error = Assert.Single(Infer(Layer("Input", ("Shape", new[] { 4, 4, 3 })), Layer(layer, args.ToArray())).Errors);
        Assert.Equal(argument, error.Argument);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("RandomRotation", "Factor", 1.5, "each in [-1, 1]")]
    [InlineData("RandomZoom", "HeightFactor", -1.0, "each in (-1, 1]")]
    [InlineData("RandomContrast", "Factor", -0.2, "each in [0, 1]")]
    public void Factors_stay_in_the_bounds_keras_checks(string layer, string argument, double factor, string message)
    {
        ModelError error = Assert.Single(Infer(Layer("Input", ("Shape", new[] { 4, 4, 3 })), Layer(layer, (argument, factor))).Errors);
        Assert.Equal(argument, error.Argument);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Image_layers_need_height_width_and_channels()
    {
        ModelError error = Assert.Single(Infer(Layer("Input", ("Shape", new[] { 16 })), Layer("RandomFlip")).Errors);
        Assert.Equal(ErrorKind.IncompatibleInput, error.Kind);
        Assert.Contains("RandomFlip 'random_flip' needs images (None, height, width, channels), but its input is (None, 16)", error.Message);
    }

    [Fact]
    public void Augmentation_and_rescaling_keep_the_shape_and_declare_no_weights()
    {
        ModelGraph graph = Infer(
            Layer("Input", ("Shape", new[] { 8, 8, 3 })),
            Layer("Rescaling", ("Scale", 1.0 / 255)),
            Layer("RandomFlip"),
            Layer("RandomRotation", ("Factor", 0.2)),
            Layer("RandomTranslation", ("HeightFactor", 0.1), ("WidthFactor", new[] { -1, 1 })),
            Layer("RandomZoom", ("HeightFactor", 0.1)),
            Layer("RandomContrast", ("Factor", 0.5)));
        Assert.True(graph.IsValid, string.Join("\n", graph.Errors));
        Assert.All(graph.Layers, l => Assert.Equal("(None, 8, 8, 3)", l.OutputShape.ToString()));
        Assert.Equal(0, graph.ParameterCount);
        Assert.Equal(["input_layer", "rescaling", "random_flip", "random_rotation", "random_translation", "random_zoom", "random_contrast"], graph.Layers.Select(l => l.Name));
    }

    [Theory]
    [InlineData("Rescaling", "Scale", double.NaN)]
    [InlineData("Rescaling", "Offset", 1e300)]
    [InlineData("RandomRotation", "FillValue", double.PositiveInfinity)]
    public void Numbers_written_as_float_literals_must_fit_a_float(string layer, string argument, double value)
    {
        var args = new List<(string, object)> { (argument, value) };
        args.Add(layer == "Rescaling" ? (argument == "Scale" ? ("Offset", 0.0) : ("Scale", 1.0)) : ("Factor", 0.1));
        ModelError error = Assert.Single(Infer(Layer("Input", ("Shape", new[] { 4, 4, 3 })), Layer(layer, args.ToArray())).Errors);
        Assert.Equal(argument, error.Argument);
        Assert.Contains("must be finite and within float range", error.Message);
    }
}

using StaticKeras.Modeling.Shapes;
using static StaticKeras.Modeling.Tests.Specs;

namespace StaticKeras.Modeling.Tests;

/// <summary>Shape rules and graph checks on hand-built specs.</summary>
public sealed class ShapeInferenceTests
{
    private static ModelGraph Infer(params (string, (string, object)[])[] layers) => ShapeInference.Infer(Model(layers));

    private static string Shapes(ModelGraph graph) => string.Join(" ", graph.Layers.Select(l => l.OutputShape.ToString()));

    [Fact]
    public void Dense_works_on_the_last_axis_with_keras_weight_layouts()
    {
        ModelGraph graph = Infer(Layer("Input", ("Shape", new[] { 28, 28 })), Layer("Dense", ("Units", 128)));
        Assert.True(graph.IsValid);
        Assert.Equal("(None, 28, 28) (None, 28, 128)", Shapes(graph));
        Assert.Equal(["kernel (28, 128) glorot_uniform", "bias (128,) zeros"], graph.Layers[1].Weights.Select(w => $"{w.Name} {new Shape(w.Dims).ToStringWithoutBatch()} {w.Initializer}"));
        Assert.Equal(28 * 128 + 128, graph.ParameterCount);
    }

    [Fact]
    public void Reshape_infers_its_wildcard_and_flatten_multiplies_out()
    {
        ModelGraph graph = Infer(Layer("Input", ("Shape", new[] { 6, 4 })), Layer("Reshape", ("TargetShape", new[] { -1, 3 })), Layer("Flatten"));
        Assert.Equal("(None, 6, 4) (None, 8, 3) (None, 24)", Shapes(graph));
    }

    [Fact]
    public void Concatenate_counts_axes_as_keras_does()
    {
        ModelGraph graph = Infer(
            Layer("Input", ("Shape", new[] { 2, 3 }), ("Name", "a")),
            Layer("Input", ("Shape", new[] { 5, 3 }), ("Name", "b")),
            Layer("Concatenate", ("Inputs", new[] { "a", "b" }), ("Axis", 1)));
        Assert.Equal("(None, 7, 3)", graph.Output.OutputShape.ToString());
        Assert.Equal(0, ConcatenateRuleAxis(1, 2));
        Assert.Equal(1, ConcatenateRuleAxis(-1, 2));
        Assert.Equal(-1, ConcatenateRuleAxis(0, 2));
    }

    private static int ConcatenateRuleAxis(int keras, int rank) => StaticKeras.Modeling.Layers.Merging.Concatenate.SampleAxis(keras, rank);

    [Fact]
    public void Default_names_follow_keras_and_skip_names_in_use()
    {
        ModelGraph graph = Infer(
            Layer("Input", ("Shape", new[] { 4 })),
            Layer("Dense", ("Units", 4), ("Name", "dense_1")),
            Layer("Dense", ("Units", 4)),
            Layer("Dense", ("Units", 4)),
            Layer("Dropout", ("Rate", 0.5)));
        Assert.Equal(["input_layer", "dense_1", "dense", "dense_2", "dropout"], graph.Layers.Select(l => l.Name));
    }

    [Theory]
    [InlineData("InputLayer", "input_layer")]
    [InlineData("Conv2D", "conv2d")]
    [InlineData("MaxPooling2D", "max_pooling2d")]
    [InlineData("BatchNormalization", "batch_normalization")]
    [InlineData("LSTM", "lstm")]
    [InlineData("GRU", "gru")]
    public void Snake_case_is_keras_to_snake_case(string name, string expected) => Assert.Equal(expected, LayerNaming.SnakeCase(name));

    [Fact]
    public void Evaluation_order_puts_inputs_first_even_when_declared_later()
    {
        ModelGraph graph = Infer(
            Layer("Input", ("Shape", new[] { 2 }), ("Name", "x")),
            Layer("Dense", ("Units", 2), ("Name", "late_reader"), ("Input", "h")),
            Layer("Dense", ("Units", 2), ("Name", "h"), ("Input", "x")),
            Layer("Add", ("Inputs", new[] { "late_reader", "h" })));
        Assert.True(graph.IsValid, string.Join("\n", graph.Errors));
        Assert.True(graph.Order.ToList().IndexOf(2) < graph.Order.ToList().IndexOf(1));
        Assert.False(graph.IsSequential);
    }

    [Fact]
    public void A_plain_chain_is_sequential_and_a_graph_is_not()
    {
        Assert.True(Infer(Layer("Input", ("Shape", new[] { 2 })), Layer("Dense", ("Units", 2))).IsSequential);
        Assert.False(Infer(Layer("Input", ("Shape", new[] { 2 }), ("Name", "x")), Layer("Dense", ("Units", 2), ("Name", "h")), Layer("Add", ("Inputs", new[] { "x", "h" }))).IsSequential);
    }

    [Fact]
    public void Errors_name_the_layer_index_and_argument_and_stop_generation()
    {
        ModelGraph graph = Infer(Layer("Input", ("Shape", new[] { 2 })), Layer("Dense", ("Units", 0)));
        Assert.False(graph.IsValid);
        ModelError error = Assert.Single(graph.Errors);
        Assert.Equal((ErrorKind.InvalidHyperparameter, 1, "Units"), (error.Kind, error.LayerIndex, error.Argument));
        Assert.Empty(graph.Layers);
    }

    [Fact]
    public void A_broken_layer_does_not_cascade_into_its_readers()
    {
        ModelGraph graph = Infer(Layer("Input", ("Shape", new[] { 2 })), Layer("Dense", ("Units", -1)), Layer("Dense", ("Units", 3)), Layer("Dense", ("Units", 1)));
        Assert.Single(graph.Errors);
    }

    [Fact]
    public void The_initializer_names_match_the_runtime()
    {
        Assert.Equal(Initializers.Names.OrderBy(n => n), KnownInitializers.Names.OrderBy(n => n));
    }

    [Theory]
    [InlineData("hiden", "hidden")]
    [InlineData("glorot", "glorot_uniform")]
    [InlineData("Dense1", "dense_1")]
    [InlineData("zzzzzzzz", null)]
    public void Suggestions_find_the_intended_name(string typo, string? expected) =>
        Assert.Equal(expected, NameSuggestion.Closest(typo, ["x", "hidden", "dense_1", "glorot_uniform", "glorot_normal"]));
}

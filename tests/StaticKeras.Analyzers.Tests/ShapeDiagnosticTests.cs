using StaticKeras.Testing;

namespace StaticKeras.Analyzers.Tests;

/// <summary>SK1xxx: shape errors, on the attribute or argument at fault, with the shapes in the message.</summary>
public sealed class ShapeDiagnosticTests
{
    [Fact]
    public void Add_of_different_shapes_is_SK1001_on_the_mismatching_input()
    {
        var diagnostics = AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(2, Name = "x")]
            [Dense(3, Name = "p")]
            [Add("x", {|SK1001:"p"|})]
            public partial class M;
            """);
        string message = diagnostics.Single().GetMessage();
        Assert.Contains("'x' is (None, 2)", message);
        Assert.Contains("'p' is (None, 3)", message);
        Assert.Contains("Dense(2)", message);
    }

    [Fact]
    public void Multiply_of_different_shapes_is_SK1001()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(4, Name = "x")]
            [Dense(4, Name = "a")]
            [Dense(5, Input = "x", Name = "b")]
            [Multiply("a", {|SK1001:"b"|})]
            public partial class M;
            """);
    }

    [Fact]
    public void Concatenate_inputs_that_differ_off_the_axis_are_SK1002()
    {
        var diagnostics = AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(4, 3, Name = "a")]
            [Input(5, 2, Name = "b")]
            [Concatenate("a", {|SK1002:"b"|})]
            [Flatten]
            public partial class M;
            """);
        Assert.Contains("'a' is (None, 4, 3) and 'b' is (None, 5, 2)", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void Reshape_to_a_different_size_is_SK1003_with_both_counts()
    {
        var diagnostics = AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(28, 28)]
            [Reshape({|SK1003:30, 30|})]
            public partial class M;
            """);
        Assert.Contains("(784 values per sample) to (30, 30) (900 values)", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void Reshape_with_a_wildcard_that_does_not_divide_is_SK1003()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(10)]
            [Reshape({|SK1003:-1, 3|})]
            public partial class M;
            """);
    }

    [Fact]
    public void Concatenating_an_image_with_a_vector_is_SK1004_naming_Flatten()
    {
        var diagnostics = AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(28, 28, Name = "image")]
            [Input(10, Name = "features")]
            [Concatenate({|SK1004:"image"|}, "features")]
            public partial class M;
            """);
        Assert.Contains("Insert [Flatten(Input = \"image\")]", diagnostics.Single().GetMessage());
        Assert.Equal("Flatten", diagnostics.Single().Properties["Fix"]);
    }

    [Fact]
    public void Adding_a_grid_to_a_vector_of_the_same_size_is_SK1004()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(12, Name = "v")]
            [Reshape(4, 3, Name = "grid")]
            [Add("v", {|SK1004:"grid"|})]
            public partial class M;
            """);
    }

    [Fact]
    public void An_output_too_large_for_an_int_is_SK1005()
    {
        var diagnostics = AnalyzerRun.Verify("""
            using StaticKeras;
            [Input({|SK1005:100000, 100000|})]
            [Dense(1)]
            public partial class M;
            """);
        Assert.Contains("more than 2^31 values per sample", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void A_kernel_of_more_than_two_billion_values_is_SK1006()
    {
        var diagnostics = AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(100000)]
            [{|SK1006:Dense(100000)|}]
            public partial class M;
            """);
        Assert.Contains("kernel would have shape (100000, 100000)", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void A_model_whose_parameters_add_up_past_an_array_is_SK1006_on_the_layer_that_tips_it()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(40000)]
            [Dense(30000)]
            [{|SK1006:Dense(40000)|}]
            public partial class M;
            """);
    }

    [Fact]
    public void A_valid_graph_of_every_layer_has_no_diagnostics()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(4, 3, Name = "image")]
            [Input(12, Name = "features")]
            [Flatten(Input = "image", Name = "flat")]
            [Dense(12, Activation = Activation.Relu)]
            [Dropout(0.5, Name = "drop")]
            [Add("drop", "features", Name = "sum")]
            [Multiply("sum", "flat", Name = "gated")]
            [Reshape(-1, 4)]
            [Concatenate("reshape", "reshape", Axis = 1)]
            [Flatten]
            [Dense(2, Activation = Activation.Softmax)]
            public partial class M;
            """);
    }

    [Fact]
    public void A_pragma_on_the_attribute_line_suppresses_the_error()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(2, Name = "x")]
            [Dense(3, Name = "p")]
            #pragma warning disable SK1001
            [Add("x", "p")]
            #pragma warning restore SK1001
            public partial class M;
            """);
    }
}

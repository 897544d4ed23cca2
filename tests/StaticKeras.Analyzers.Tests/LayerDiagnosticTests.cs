using StaticKeras.Testing;

namespace StaticKeras.Analyzers.Tests;

/// <summary>SK2001–SK2009: layer arguments and wiring, on the argument or attribute at fault.</summary>
public sealed class LayerDiagnosticTests
{
    [Theory]
    [InlineData("[Dense({|SK2001:0|})]", "Units must be a positive whole number; got 0")]
    [InlineData("[Dense({|SK2001:-4|})]", "got -4")]
    [InlineData("[Dropout({|SK2001:1.0|})]", "Rate must be in [0, 1); got 1")]
    [InlineData("[Dropout({|SK2001:-0.1|})]", "got -0.1")]
    [InlineData("[Reshape({|SK2001:-1, -1|})]", "at most one -1")]
    [InlineData("[Reshape({|SK2001:0, 4|})]", "each at least 1")]
    [InlineData("[Dense(4, {|SK2001:KernelInitializer = \"glorot\"|})]", "did you mean \"glorot_uniform\"?")]
    [InlineData("[Dense(4, {|SK2001:Activation = \"relux\"|})]", "did you mean \"relu\"?")]
    [InlineData("[Dense(4, {|SK2001:Activation = 42|})]", "Activation 42 is not a Keras activation")]
    [InlineData("[Dense(4, {|SK2001:Name = \"\"|})]", "empty Name")]
    public void Out_of_range_arguments_are_SK2001_on_the_argument(string layer, string message)
    {
        var diagnostics = AnalyzerRun.Verify($$"""
            using StaticKeras;
            [Input(4)]
            {{layer}}
            public partial class M;
            """);
        Assert.Contains(message, diagnostics.Single().GetMessage());
    }

    [Fact]
    public void Input_dimensions_below_one_are_SK2001()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            [Input({|SK2001:0|}, 3)]
            [Dense(1)]
            public partial class M;
            """);
    }

    [Fact]
    public void A_concatenation_axis_out_of_range_is_SK2001()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(4, Name = "a")]
            [Input(4, Name = "b")]
            [Concatenate("a", "b", {|SK2001:Axis = 2|})]
            public partial class M;
            """);
    }

    [Fact]
    public void An_unknown_input_is_SK2002_suggesting_the_closest_name()
    {
        var diagnostics = AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(2, Name = "x")]
            [Dense(2, Name = "hidden")]
            [Add("x", {|SK2002:"hiden"|})]
            public partial class M;
            """);
        Assert.Contains("Did you mean 'hidden'?", diagnostics.Single().GetMessage());
        Assert.Equal("hidden", diagnostics.Single().Properties["Fix"]);
    }

    [Fact]
    public void An_unknown_single_input_is_SK2002_on_the_named_argument()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(2, Name = "x")]
            [Dense(2, {|SK2002:Input = "y"|})]
            public partial class M;
            """);
    }

    [Fact]
    public void Duplicate_names_are_SK2003_on_the_second()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(2, Name = "x")]
            [Dense(2, Name = "h")]
            [Dense(2, {|SK2003:Name = "h"|})]
            public partial class M;
            """);
    }

    [Fact]
    public void Layers_reading_each_other_are_SK2004()
    {
        var diagnostics = AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(2, Name = "x")]
            [Dense(2, Name = "a", {|SK2004:Input = "b"|})]
            [Dense(2, Name = "b", Input = "a")]
            [Add("x", "b")]
            public partial class M;
            """);
        Assert.Contains("'a' → 'b' → 'a'", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void A_layer_reading_itself_is_SK2004()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(2)]
            [Dense(2, Name = "a", {|SK2004:Input = "a"|})]
            public partial class M;
            """);
    }

    [Fact]
    public void A_model_without_Input_is_SK2005_on_the_class_name()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            [{|SK2008:Dense(2)|}]
            public partial class {|SK2005:M|};
            """);
    }

    [Fact]
    public void An_unused_branch_is_SK2006_on_the_dead_layer()
    {
        var diagnostics = AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(2, Name = "x")]
            [{|SK2006:Dense(4, Name = "side")|}]
            [Dense(1, Input = "x")]
            public partial class M;
            """);
        Assert.Contains("'side' is not used", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void A_merge_of_one_layer_is_SK2007()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(2, Name = "x")]
            [Add({|SK2007:"x"|})]
            public partial class M;
            """);
    }

    [Fact]
    public void A_merge_of_nothing_is_SK2007_on_the_attribute()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(2, Name = "x")]
            [{|SK2007:Concatenate|}]
            public partial class M;
            """);
    }

    [Fact]
    public void A_first_layer_that_is_not_an_Input_is_SK2008()
    {
        var diagnostics = AnalyzerRun.Verify("""
            using StaticKeras;
            [{|SK2008:Dense(2)|}]
            [Input(2)]
            [Dense(1)]
            public partial class M;
            """);
        Assert.Contains("[Input(784)] above it", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void A_layer_attribute_without_a_rule_is_SK2009()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            public sealed class HomeMadeAttribute : SingleInputLayerAttribute { }
            [Input(2)]
            [{|SK2009:HomeMade|}]
            public partial class M;
            """);
    }
}

using StaticKeras.Testing;

namespace StaticKeras.Analyzers.Tests;

/// <summary>
/// User layers, user activations and blocks get the same compile-time checks as built-in layers:
/// shapes around them are SK errors on the attribute at fault, and a type that does not
/// implement its contract is SK2016 naming what is missing.
/// </summary>
public sealed class UserModuleDiagnosticTests
{
    private const string Layers = """
        using System;
        using StaticKeras;

        [LayerShape("(h, w, c) -> (h, w, c)")]
        public sealed class ImageOnly : ILayer
        {
            public static void Forward(in LayerContext c, ReadOnlySpan<float> x, Span<float> y) { }
            public static void Backward(in LayerContext c, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx) { }
        }

        [LayerShape("(*, d) -> (*, d * 2)")]
        public sealed class Doubling : ILayer
        {
            public static void Forward(in LayerContext c, ReadOnlySpan<float> x, Span<float> y) { }
            public static void Backward(in LayerContext c, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx) { }
        }

        [LayerShape("(*, 16) -> (*, 16)")]
        public sealed class SixteenOnly : ILayer
        {
            public static void Forward(in LayerContext c, ReadOnlySpan<float> x, Span<float> y) { }
            public static void Backward(in LayerContext c, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx) { }
        }

        public sealed class NotALayer { }

        public sealed class NoContract : ILayer
        {
            public static void Forward(in LayerContext c, ReadOnlySpan<float> x, Span<float> y) { }
            public static void Backward(in LayerContext c, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx) { }
        }

        [LayerShape("(*, d) => (*, d)")]
        public sealed class BadContract : ILayer
        {
            public static void Forward(in LayerContext c, ReadOnlySpan<float> x, Span<float> y) { }
            public static void Backward(in LayerContext c, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx) { }
        }

        public readonly struct Undeclared : IActivation
        {
            public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength) { }
            public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength) { }
        }

        [Input(8, Name = "x")]
        [Dense(8, Name = "h")]
        [Add("x", "h")]
        public partial class Block8;

        """;

    [Fact]
    public void A_user_layer_whose_contract_does_not_fit_its_input_is_SK1004_on_its_attribute()
    {
        var diagnostics = AnalyzerRun.Verify(Layers + """
            [Input(4)]
            [{|SK1004:Layer<ImageOnly>|}]
            public partial class M;
            """);
        string message = diagnostics.Single().GetMessage();
        Assert.Contains("ImageOnly 'image_only'", message);
        Assert.Contains("takes rank 3 (h, w, c) but gets rank 1 (None, 4)", message);
    }

    [Fact]
    public void A_literal_dimension_in_a_contract_is_checked()
    {
        var diagnostics = AnalyzerRun.Verify(Layers + """
            [Input(2, 8)]
            [{|SK1004:Layer<SixteenOnly>(Name = "s")|}]
            public partial class M;
            """);
        Assert.Contains("needs 16 at axis 2 but the input (None, 2, 8) has 8", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void A_mismatch_right_after_a_user_layer_is_an_SK_error_with_its_computed_shape()
    {
        var diagnostics = AnalyzerRun.Verify(Layers + """
            [Input(4, Name = "x")]
            [Layer<Doubling>(Name = "u")]
            [Add("x", {|SK1001:"u"|})]
            public partial class M;
            """);
        Assert.Contains("'x' is (None, 4) and 'u' is (None, 8)", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void A_block_whose_input_does_not_fit_is_SK1004_on_the_block()
    {
        var diagnostics = AnalyzerRun.Verify(Layers + """
            [Input(4)]
            [{|SK1004:Block<Block8>|}]
            public partial class M;
            """);
        Assert.Contains("the block Block8 takes (None, 8) (its [Input]) but 'input_layer' is (None, 4)", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void A_mismatch_after_a_block_uses_the_block_output_shape()
    {
        var diagnostics = AnalyzerRun.Verify(Layers + """
            [Input(8, Name = "x")]
            [Block<Block8>(Name = "b")]
            [Dense(3, Name = "d")]
            [Add("b", {|SK1001:"d"|})]
            public partial class M;
            """);
        Assert.Contains("'b' is (None, 8) and 'd' is (None, 3)", diagnostics.Single().GetMessage());
    }

    [Theory]
    [InlineData("Layer<NotALayer>", "does not implement StaticKeras.ILayer")]
    [InlineData("Layer<NoContract>", "has no shape contract. Add [LayerShape(")]
    [InlineData("Layer<BadContract>", "malformed: \"(*, d) => (*, d)\" has no '->'")]
    [InlineData("Block<NotALayer>", "NotALayer is not a model: it has no layer attributes")]
    public void A_type_that_does_not_implement_its_contract_is_SK2016_naming_what_is_missing(string attribute, string message)
    {
        var diagnostics = AnalyzerRun.Verify(Layers + $$"""
            [Input(4)]
            [{|SK2016:{{attribute}}|}]
            public partial class M;
            """);
        Assert.Contains(message, diagnostics.Single().GetMessage());
    }

    [Fact]
    public void An_activation_type_without_its_declaration_is_SK2016_on_the_argument()
    {
        var diagnostics = AnalyzerRun.Verify(Layers + """
            [Input(4)]
            [Dense(4, {|SK2016:Activation = typeof(Undeclared)|})]
            public partial class M;
            """);
        Assert.Contains("Undeclared implements IActivation but has no [KerasActivation(", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void A_type_that_is_no_activation_at_all_is_SK2016()
    {
        var diagnostics = AnalyzerRun.Verify(Layers + """
            [Input(4)]
            [Activation({|SK2016:typeof(NotALayer)|})]
            public partial class M;
            """);
        Assert.Contains("NotALayer does not implement StaticKeras.IActivation", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void A_user_attribute_that_is_no_layer_is_SK2009_pointing_at_LayerAttribute_of_T()
    {
        var diagnostics = AnalyzerRun.Verify("""
            using StaticKeras;
            public sealed class DenseAttribute : SingleInputLayerAttribute { }
            [Input(4)]
            [{|SK2009:Dense|}]
            public partial class M;
            """);
        Assert.Contains("LayerAttribute<YourLayer>", diagnostics.Single().GetMessage());
    }
}

/// <summary>SK3004: an ONNX export of a model with a layer ONNX cannot express.</summary>
public sealed class OnnxExportDiagnosticTests
{
    private const string Models = """
        using System;
        using StaticKeras;

        [LayerShape("(*, d) -> (*, d)")]
        public sealed class Plain : ILayer
        {
            public static void Forward(in LayerContext c, ReadOnlySpan<float> x, Span<float> y) { }
            public static void Backward(in LayerContext c, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx) { }
        }

        [Input(4)]
        [Dense(4)]
        [Layer<Plain>(Name = "plain")]
        public partial class WithUserLayer;

        [Input(4)]
        [ReLU(MaxValue = 3, Threshold = 0.5)]
        public partial class WithOddRelu;

        [Input(4)]
        [Dense(4, Activation = Activation.Gelu)]
        [ELU]
        public partial class Exportable;

        """;

    [Fact]
    public void Exporting_a_model_with_a_user_layer_warns_at_the_call_naming_the_layer()
    {
        var diagnostics = AnalyzerRun.Verify(Models + """
            public static class Use
            {
                public static void Run() => {|SK3004:new WithUserLayer().ExportOnnx("m.onnx")|};
            }
            """);
        Assert.Contains("layer 'plain' (Plain) it is a user layer (Plain) without a static ExportOnnx method", diagnostics.Single().GetMessage());
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostics.Single().Severity);
    }

    [Fact]
    public void A_relu_onnx_cannot_write_warns_and_exportable_models_do_not()
    {
        var diagnostics = AnalyzerRun.Verify(Models + """
            public static class Use
            {
                public static void Run()
                {
                    {|SK3004:new WithOddRelu().ExportOnnx("a.onnx")|};
                    new Exportable().ExportOnnx("b.onnx");
                }
            }
            """);
        Assert.Contains("ONNX has no ReLU with max_value 3", diagnostics.Single().GetMessage());
    }
}

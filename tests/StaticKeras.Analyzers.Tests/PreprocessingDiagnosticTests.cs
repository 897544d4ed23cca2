using StaticKeras.Testing;

namespace StaticKeras.Analyzers.Tests;

/// <summary>The preprocessing layers' argument and input errors, on the argument or attribute at fault.</summary>
public sealed class PreprocessingDiagnosticTests
{
    [Theory]
    [InlineData("[RandomRotation(0.1, {|SK2001:FillMode = \"mirror\"|})]", "FillMode \"mirror\" is not one Keras knows")]
    [InlineData("[RandomRotation({|SK2001:[0.1, 0.2, 0.3]|})]", "Factor must be one number or two (lower, upper)")]
    [InlineData("[RandomContrast(0.2, {|SK2001:ValueRange = [1, 0]|})]", "ValueRange must be two numbers, low then high")]
    [InlineData("[RandomFlip({|SK2001:\"sideways\"|})]", "Mode \"sideways\" is not one Keras knows")]
    [InlineData("[Normalization({|SK2001:Axis = [4]|})]", "Axis [4] is outside its input (None, 4, 4, 3)")]
    [InlineData("[CategoryEncoding({|SK2001:0|})]", "NumTokens must be a positive whole number; got 0")]
    [InlineData("[Discretization({|SK2001:1.0, 0.5|})]", "BinBoundaries must be one or more finite numbers, strictly increasing")]
    public void Out_of_range_arguments_are_SK2001_on_the_argument(string layer, string message)
    {
        var diagnostics = AnalyzerRun.Verify($$"""
            using StaticKeras;
            [Input(4, 4, 3)]
            {{layer}}
            public partial class M;
            """);
        Assert.Contains(message, diagnostics.Single().GetMessage());
    }

    [Fact]
    public void An_image_layer_on_a_flat_input_is_SK1004_on_the_attribute()
    {
        var diagnostics = AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(784)]
            [{|SK1004:RandomZoom(0.2)|}]
            [Dense(10)]
            public partial class M;
            """);
        Assert.Contains("needs images (None, height, width, channels), but its input is (None, 784)", diagnostics.Single().GetMessage());
    }
}

using StaticKeras.Testing;

namespace StaticKeras.Analyzers.Tests;

/// <summary>The convolution family's and BatchNormalization's diagnostics, each on the attribute or argument at fault.</summary>
public sealed class ConvolutionDiagnosticTests
{
    [Theory]
    [InlineData("[Conv2D({|SK2001:0|}, 3)]", "Filters must be a positive whole number; got 0")]
    [InlineData("[Conv2D(8, {|SK2001:3, 3, 3|})]", "KernelSize needs one or 2 whole numbers, each at least 1; got (3, 3, 3)")]
    [InlineData("[Conv2D(8, 3, {|SK2001:Strides = [0]|})]", "Strides needs one or 2 whole numbers, each at least 1; got (0, 0)")]
    [InlineData("[Conv2D(8, 3, {|SK2001:Padding = \"causal\"|})]", "Padding \"causal\" is not one of \"valid\", \"same\"")]
    [InlineData("[Conv2D(8, 3, {|SK2001:Padding = \"sme\"|})]", "(did you mean \"same\"?)")]
    [InlineData("[Conv2D(8, 3, Strides = [2], {|SK2001:DilationRate = [2]|})]", "cannot both be above 1")]
    [InlineData("[Conv2D(8, 3, {|SK2001:Groups = 3|})]", "Groups (3) must be at least 1 and divide Filters (8)")]
    [InlineData("[Conv1D(8, {|SK2001:0|})]", "KernelSize needs one whole number")]
    [InlineData("[DepthwiseConv2D(3, {|SK2001:DepthMultiplier = 0|})]", "DepthMultiplier must be a positive whole number")]
    [InlineData("[Conv2DTranspose(4, 3, Strides = [2], {|SK2001:OutputPadding = [2]|})]", "OutputPadding (2, 2) must be below Strides (2, 2)")]
    [InlineData("[BatchNormalization({|SK2001:Momentum = 1.5|})]", "Momentum must be between 0 and 1")]
    [InlineData("[BatchNormalization({|SK2001:Axis = 4|})]", "Axis 4 is outside its input (None, 8, 8, 2)")]
    public void Wrong_arguments_are_SK2001_on_the_argument(string layer, string message)
    {
        var diagnostics = AnalyzerRun.Verify($$"""
            using StaticKeras;
            [Input(8, 8, 2)]
            {{layer}}
            public partial class M;
            """);
        Assert.Contains(message, diagnostics.Single().GetMessage());
    }

    [Fact]
    public void Channels_the_groups_do_not_divide_are_SK1004_on_Groups()
    {
        var diagnostics = AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(8, 8, 3)]
            [Conv2D(4, 3, {|SK1004:Groups = 2|})]
            public partial class M;
            """);
        Assert.Contains("Groups (2) must divide the input's 3 channels", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void A_flat_input_is_SK1004_naming_the_reshape_to_insert()
    {
        var diagnostics = AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(784)]
            [{|SK1004:Conv2D(32, 3)|}]
            public partial class M;
            """);
        Assert.Contains("Insert [Reshape(28, 28, 1)] before it", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void A_kernel_larger_than_the_padded_input_is_SK1005_on_the_kernel_size()
    {
        var diagnostics = AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(28, 28, 1)]
            [Conv2D(32, 5, Strides = [2])]
            [Conv2D(32, 5, Strides = [2])]
            [Conv2D(32, {|SK1005:5|})]
            public partial class M;
            """);
        Assert.Contains("its 5×5 kernel does not fit the 4×4 input with padding \"valid\", so the output would be 0×0. Use Padding = \"same\"", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void A_valid_convolutional_network_has_no_diagnostics()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(28, 28, 1)]
            [Conv2D(32, 3, Activation = Activation.Relu)]
            [BatchNormalization]
            [DepthwiseConv2D(3, Padding = "same")]
            [SeparableConv2D(16, 3, Strides = [2])]
            [Conv2DTranspose(8, 3, Strides = [2], Padding = "same")]
            [Flatten]
            [Dense(10, Activation = Activation.Softmax)]
            public partial class M;
            """);
    }
}

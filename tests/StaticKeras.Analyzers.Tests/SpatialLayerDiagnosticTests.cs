using StaticKeras.Testing;

namespace StaticKeras.Analyzers.Tests;

/// <summary>The pooling, reshaping and noise layers' argument and input errors, on the argument, element or attribute at fault.</summary>
public sealed class SpatialLayerDiagnosticTests
{
    [Theory]
    [InlineData("[MaxPooling2D(2, {|SK2001:0|})]", "PoolSize must be one whole number or 2, each at least 1; got [2, 0]")]
    [InlineData("[MaxPooling2D(2, {|SK2001:Strides = [0]|})]", "Strides must be one whole number or 2, each at least 1; got [0]")]
    [InlineData("[MaxPooling2D({|SK2001:Padding = \"full\"|})]", "Padding \"full\" is not one Keras knows. Use \"valid\", \"same\"")]
    [InlineData("[{|SK2001:AveragePooling2D|}]", "PoolSize must be one whole number or 2, each at least 1; got nothing. For example [AveragePooling2D(2)]")]
    [InlineData("[ZeroPadding2D(1, 2, {|SK2001:-3|}, 4)]", "Padding must be 1, 2 (rows, columns) or 4 (top, bottom, left, right) whole numbers, each at least 0; got [1, 2, -3, 4]")]
    [InlineData("[ZeroPadding2D({|SK2001:new[] { 1, 2, 3 }|})]", "got [1, 2, 3]")]
    [InlineData("[UpSampling2D({|SK2001:Interpolation = \"bicubic\"|})]", "Interpolation \"bicubic\" is a Keras resize StaticKeras does not have")]
    [InlineData("[UpSampling2D(2, {|SK2001:0|})]", "Size must be one whole number or 2, each at least 1; got [2, 0]")]
    [InlineData("[Flatten][RepeatVector({|SK2001:0|})]", "N must be a positive whole number; got 0")]
    [InlineData("[Reshape(8, 16)][Permute(2, {|SK2001:2|})]", "Dims (2, 2) must name every axis 1..2 of its input (None, 8, 16) once")]
    [InlineData("[SpatialDropout2D({|SK2001:1.0|})]", "Rate must be in [0, 1); got 1")]
    [InlineData("[GaussianNoise({|SK2001:1.5|}, Seed = 3)]", "Stddev must be in [0, 1], as Keras 3 requires; got 1.5")]
    [InlineData("[GaussianDropout({|SK2001:-0.1|})]", "Rate must be in [0, 1); got -0.1")]
    public void Out_of_range_arguments_are_SK2001_on_the_argument(string layers, string message)
    {
        var diagnostics = AnalyzerRun.Verify($$"""
            using StaticKeras;
            [Input(8, 8, 2)]
            {{layers}}
            public partial class M;
            """);
        Assert.Contains(message, diagnostics.Single().GetMessage());
    }

    [Theory]
    [InlineData("[Input(784)]", "[{|SK1004:MaxPooling2D|}]", "needs images (None, height, width, channels), but its input is (None, 784). Insert [Reshape(28, 28, 1)] before it.")]
    [InlineData("[Input(28, 28, 1)]", "[{|SK1004:GlobalAveragePooling1D(KeepDims = true)|}]", "Use [GlobalAveragePooling2D] for images, or insert [Reshape(784, 1)] before it.")]
    [InlineData("[Input(10, 3)]", "[{|SK1004:SpatialDropout2D(0.1)|}]", "Use [SpatialDropout1D] for sequences, or insert [Reshape(10, 3, 1)] before it.")]
    [InlineData("[Input(2, 3)]", "[Permute({|SK1004:1|})]", "reorders 1 axis (1), but its input (None, 2, 3) has 2")]
    [InlineData("[Input(2, 5)]", "[{|SK1004:RepeatVector(3)|}]", "needs vectors (None, features), but its input is (None, 2, 5). Insert [Flatten] before it.")]
    public void An_input_the_layer_cannot_take_is_SK1004_with_the_fix(string input, string layer, string message)
    {
        var diagnostics = AnalyzerRun.Verify($$"""
            using StaticKeras;
            {{input}}
            {{layer}}
            public partial class M;
            """);
        Assert.Contains(message, diagnostics.Single().GetMessage());
    }

    [Fact]
    public void A_pool_larger_than_the_input_is_SK1005_on_the_pool_size()
    {
        var diagnostics = AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(2, 5, 1)]
            [MaxPooling2D({|SK1005:3|})]
            public partial class M;
            """);
        Assert.Contains("its 3×3 pool does not fit the 2×5 input with Padding \"valid\" (rows: 2 < 3)", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void Cropping_away_a_whole_axis_is_SK1005_on_the_cropping()
    {
        var diagnostics = AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(8, 9, 2)]
            [Cropping2D({|SK1005:4|})]
            [Flatten]
            [Dense(1)]
            public partial class M;
            """);
        Assert.Contains("would crop 4 + 4 of its 8 rows and 4 + 4 of its 9 columns, leaving (None, 0, 1, 2)", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void A_valid_convnet_of_these_layers_has_no_diagnostics()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(28, 28, 1)]
            [ZeroPadding2D(2)]
            [Cropping2D(1, 1, 2, 0)]
            [MaxPooling2D]
            [SpatialDropout2D(0.2, Seed = 1)]
            [AveragePooling2D(3, Strides = [2], Padding = "same")]
            [UpSampling2D(2, Interpolation = "bilinear")]
            [GaussianNoise(0.1)]
            [GlobalMaxPooling2D]
            [RepeatVector(6)]
            [Permute(2, 1)]
            [Permute(2, 1)]
            [MaxPooling1D]
            [UpSampling1D(3)]
            [ZeroPadding1D(1, 2)]
            [Cropping1D]
            [AveragePooling1D(2)]
            [SpatialDropout1D(0.1)]
            [GlobalAveragePooling1D(KeepDims = true)]
            [GaussianDropout(0.1)]
            [Flatten]
            [Dense(10, Activation = "softmax")]
            public partial class M;
            """);
    }

    [Fact]
    public void A_block_of_these_layers_used_twice_compiles_with_a_geometry_per_use()
    {
        AnalyzerRun.Verify("""
            using StaticKeras;
            [Input(8, 8, 2)]
            [MaxPooling2D(3, Strides = [1], Padding = "same")]
            [Permute(2, 1, 3)]
            [ZeroPadding2D(1)]
            [Cropping2D(1)]
            public partial class PoolBlock;

            [Input(8, 8, 2)]
            [Block<PoolBlock>]
            [Block<PoolBlock>]
            [Flatten]
            [Dense(1)]
            public partial class M;
            """);
    }
}

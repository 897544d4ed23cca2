using System.Text;
using StaticKeras.Modeling.Keras;
using StaticKeras.Modeling.Shapes;
using StaticKeras.Modeling.Specs;

namespace StaticKeras.Modeling.Tests;

/// <summary>
/// Each descriptor's Keras config both ways: a model written as Keras's config.json and imported
/// back (what [KerasModel] does) gives every layer the same parsed configuration, with
/// arguments away from their defaults; and the written config has Keras's names and value forms.
/// </summary>
public sealed class KerasConfigTests
{
    private static ModelSpec Everything() => Specs.Model(
        Specs.Layer("Input", ("Shape", new[] { 4, 6 }), ("Name", "x")),
        Specs.Layer("Dense", ("Units", 6), ("Activation", "gelu"), ("UseBias", false), ("KernelInitializer", "he_normal"), ("Name", "d")),
        Specs.Layer("Dropout", ("Rate", 0.2), ("Seed", 3)),
        Specs.Layer("ReLU", ("MaxValue", 6.0), ("NegativeSlope", 0.1), ("Threshold", 0.5)),
        Specs.Layer("LeakyReLU", ("NegativeSlope", 0.2)),
        Specs.Layer("PReLU", ("SharedAxes", new[] { 1 }), ("AlphaInitializer", "ones")),
        Specs.Layer("Softmax", ("Axis", 1)),
        Specs.Layer("Activation", ("Activation", "tanh"), ("Name", "t")),
        Specs.Layer("Rescaling", ("Scale", 0.5), ("Offset", 1.0)),
        Specs.Layer("Multiply", ("Inputs", new[] { "rescaling", "d" })),
        Specs.Layer("Add", ("Inputs", new[] { "multiply", "d" }), ("Name", "sum")),
        Specs.Layer("Concatenate", ("Inputs", new[] { "sum", "x" }), ("Axis", 1)),
        Specs.Layer("Reshape", ("TargetShape", new[] { 12, 4 })),
        Specs.Layer("Flatten"),
        Specs.Layer("Dense", ("Units", 3)));

    /// <summary>The convolution family, pooling, reshaping and noise layers, each away from its defaults.</summary>
    private static ModelSpec Images() => Specs.Model(
        Specs.Layer("Input", ("Shape", new[] { 12, 12, 3 })),
        Specs.Layer("Conv2D", ("Filters", 4), ("KernelSize", new[] { 3, 2 }), ("Padding", "same"), ("DilationRate", new[] { 2 }), ("Activation", "relu"), ("UseBias", false)),
        Specs.Layer("BatchNormalization", ("Momentum", 0.9), ("Epsilon", 0.01), ("Center", false)),
        Specs.Layer("DepthwiseConv2D", ("KernelSize", new[] { 3 }), ("DepthMultiplier", 2), ("Strides", new[] { 1, 2 })),
        Specs.Layer("SeparableConv2D", ("Filters", 6), ("KernelSize", new[] { 2 }), ("Padding", "same"), ("Activation", "tanh")),
        Specs.Layer("Conv2DTranspose", ("Filters", 3), ("KernelSize", new[] { 3 }), ("Strides", new[] { 2 }), ("OutputPadding", new[] { 1 })),
        Specs.Layer("MaxPooling2D", ("PoolSize", new[] { 3 }), ("Strides", new[] { 1 }), ("Padding", "same")),
        Specs.Layer("AveragePooling2D", ("PoolSize", new[] { 2, 1 })),
        Specs.Layer("ZeroPadding2D", ("Padding", new[] { 1, 2, 3, 4 })),
        Specs.Layer("Cropping2D", ("Cropping", new[] { 1, 2 })),
        Specs.Layer("UpSampling2D", ("Size", new[] { 2, 3 }), ("Interpolation", "bilinear")),
        Specs.Layer("SpatialDropout2D", ("Rate", 0.25), ("Seed", 4)),
        Specs.Layer("GaussianNoise", ("Stddev", 0.1), ("Seed", 5)),
        Specs.Layer("GaussianDropout", ("Rate", 0.3)),
        Specs.Layer("GlobalMaxPooling2D", ("KeepDims", true)),
        Specs.Layer("Flatten"),
        Specs.Layer("RepeatVector", ("N", 3)),
        Specs.Layer("Permute", ("Dims", new[] { 2, 1 })),
        Specs.Layer("Conv1D", ("Filters", 2), ("KernelSize", new[] { 2 }), ("Padding", "causal")),
        Specs.Layer("MaxPooling1D", ("PoolSize", new[] { 2 }), ("Strides", new[] { 1 })),
        Specs.Layer("AveragePooling1D", ("PoolSize", new[] { 2 }), ("Padding", "same")),
        Specs.Layer("ZeroPadding1D", ("Padding", new[] { 1, 2 })),
        Specs.Layer("Cropping1D", ("Cropping", new[] { 1 })),
        Specs.Layer("UpSampling1D", ("Size", new[] { 3 })),
        Specs.Layer("SpatialDropout1D", ("Rate", 0.1)),
        Specs.Layer("GlobalAveragePooling1D", ("KeepDims", true)),
        Specs.Layer("GlobalMaxPooling1D"));

    public static TheoryData<string> Models() => new() { nameof(Everything), nameof(Images) };

    private static ModelSpec Model(string name) => name == nameof(Images) ? Images() : Everything();

    [Theory]
    [MemberData(nameof(Models))]
    public void A_model_written_as_Keras_config_and_imported_back_has_the_same_layer_configurations(string model)
    {
        ModelGraph declared = ShapeInference.Infer(Model(model));
        Assert.Empty(declared.Errors);
        KerasModelFile file = KerasModelWriter.Write(declared);

        var request = new KerasModelRequest(declared.Type, DeclarationIssues.None, "m.json", false, Specs.Activations, EquatableArray<KerasUserLayer>.Empty);
        KerasImport import = KerasModelImport.Import(request, Encoding.UTF8.GetBytes(file.Config), "m.json");

        Assert.Empty(import.Problems);
        ModelGraph imported = ShapeInference.Infer(import.Spec!);
        Assert.Empty(imported.Errors);
        Assert.Equal(declared.Layers.Select(l => (l.Name, l.KerasClassName, l.Config)), imported.Layers.Select(l => (l.Name, l.KerasClassName, l.Config)));
        Assert.Equal(declared.Layers.Select(l => l.Inputs), imported.Layers.Select(l => l.Inputs));
    }

    [Fact]
    public void The_config_uses_Kerass_argument_names_and_value_forms()
    {
        string config = KerasModelWriter.Write(ShapeInference.Infer(Everything())).Config;

        Assert.Contains("\"class_name\": \"Functional\"", config);
        Assert.Contains("\"units\": 6, \"activation\": \"gelu\", \"use_bias\": false, \"kernel_initializer\": {\"module\": \"keras.initializers\", \"class_name\": \"HeNormal\", \"config\": {\"seed\": null}, \"registered_name\": null}", config);
        Assert.Contains("\"rate\": 0.2, \"seed\": 3, \"noise_shape\": null", config);
        Assert.Contains("\"max_value\": 6.0, \"negative_slope\": 0.1, \"threshold\": 0.5", config);
        Assert.Contains("\"shared_axes\": [1]", config);
        Assert.Contains("\"target_shape\": [12, 4]", config);
        Assert.Contains("\"batch_shape\": [null, 4, 6]", config);
        Assert.Contains("\"keras_history\": [\"t\", 0, 0]", config);

        string images = KerasModelWriter.Write(ShapeInference.Infer(Images())).Config;
        Assert.Contains("\"pool_size\": [3, 3], \"padding\": \"same\", \"strides\": [1, 1], \"data_format\": \"channels_last\"", images);
        Assert.Contains("\"padding\": [[1, 2], [3, 4]], \"data_format\": \"channels_last\"", images);
        Assert.Contains("\"cropping\": [[1, 1], [2, 2]]", images);
        Assert.Contains("\"size\": [2, 3], \"data_format\": \"channels_last\", \"interpolation\": \"bilinear\"", images);
        Assert.Contains("\"keepdims\": true", images);
        Assert.Contains("\"cropping\": [1, 1]", images);
        Assert.Contains("\"size\": 3", images);
        Assert.Contains("\"dims\": [2, 1]", images);
        Assert.Contains("\"n\": 3", images);
    }

    [Fact]
    public void A_sequential_chain_is_a_Sequential_with_its_InputLayer_first()
    {
        ModelSpec chain = Specs.Model(Specs.Layer("Input", ("Shape", new[] { 3 })), Specs.Layer("Dense", ("Units", 2)), Specs.Layer("ReLU"));
        KerasModelFile file = KerasModelWriter.Write(ShapeInference.Infer(chain));

        Assert.StartsWith("{\"module\": \"keras\", \"class_name\": \"Sequential\"", file.Config);
        Assert.Contains("\"max_value\": null", file.Config);
        Assert.Equal(["layers/dense", "layers/re_lu"], file.Groups.Select(g => g.Path));
        Assert.Equal([0, 1], file.Groups[0].Weights);
    }
}

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

    [Fact]
    public void A_model_written_as_Keras_config_and_imported_back_has_the_same_layer_configurations()
    {
        ModelGraph declared = ShapeInference.Infer(Everything());
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

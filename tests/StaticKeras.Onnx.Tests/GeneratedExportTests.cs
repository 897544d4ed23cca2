using Microsoft.ML.OnnxRuntime;
using StaticKeras.Benchmarks.Models;
using StaticKeras.Onnx.Tests.TestModels;

namespace StaticKeras.Onnx.Tests;

/// <summary>
/// <c>Model.ExportOnnx</c> as generated from each layer's descriptor: the models load in ONNX
/// Runtime (which applies ONNX's checks) with a symbolic batch and predict what
/// <c>Model.Predict</c> does, within 1e-5; a layer ONNX cannot express throws naming it.
/// </summary>
public sealed class GeneratedExportTests
{
    public static TheoryData<string, int> Models() => new()
    {
        { nameof(ActivationExport), 17 },
        { nameof(ActivationExport), 20 },
        { nameof(LayerExport), 17 },
        { nameof(Mlp), 17 },
        { nameof(Tiny), 17 },
        { nameof(ConvolutionExport), 17 },
        { nameof(Convolution1DExport), 17 },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void The_exported_model_predicts_in_ONNX_Runtime_what_it_predicts_here(string name, int opset)
    {
        Model model = name switch
        {
            nameof(ActivationExport) => new ActivationExport(seed: 2),
            nameof(LayerExport) => new LayerExport(seed: 3),
            nameof(Mlp) => new Mlp(seed: 4),
            nameof(ConvolutionExport) => new ConvolutionExport(seed: 6),
            nameof(Convolution1DExport) => new Convolution1DExport(seed: 7),
            _ => new Tiny(seed: 5),
        };
        const int batch = 5;
        float[] x = Tensor.Random(7, batch, model.Definition.InputSize).Data;
        if (model is ConvolutionExport)
        {
            // A few steps move BatchNormalization's statistics off their initial zeros and ones.
            model.Compile(new SGD(0.01f), Losses.MeanSquaredError);
            float[] y = Tensor.Random(8, batch, model.Definition.OutputSize).Data;
            for (int i = 0; i < 3; i++)
            {
                model.TrainOnBatch(x, y);
            }

            Assert.NotEqual(0f, model.GetWeight("batch_normalization/moving_mean")[0]);
        }

        float[] ours = model.Predict(x);
        using var stream = new MemoryStream();
        model.ExportOnnx(stream, opset);
        using var session = new InferenceSession(stream.ToArray());
        string input = session.InputMetadata.Keys.Single();
        Assert.Equal("batch", session.InputMetadata[input].SymbolicDimensions[0]);
        long[] shape = [batch, .. model.Definition.InputShapes[0].Select(d => (long)d)];
        using var value = OrtValue.CreateTensorValueFromMemory(x, shape);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, [input], [value], [session.OutputMetadata.Keys.Single()]);
        Close.Equal(ours, results[0].GetTensorDataAsSpan<float>());
    }

    [Fact]
    public void Node_names_are_the_layer_names()
    {
        using var stream = new MemoryStream();
        new LayerExport(seed: 1).ExportOnnx(stream);
        string text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        foreach (string layer in new[] { "sum", "gated", "joined", "re_lu", "leaky_re_lu", "elu", "p_re_lu", "softmax", "sandwich/h", "sandwich/add", "dense" })
        {
            Assert.Contains(layer, text);
        }
    }

    [Fact]
    public void A_layer_ONNX_cannot_express_throws_naming_it_and_writes_nothing()
    {
        string path = Path.Combine(Path.GetTempPath(), $"statickeras-{Guid.NewGuid():N}.onnx");
#pragma warning disable SK3004 // The export this test expects to fail: the analyzer rightly warns.
        var error = Assert.Throws<OnnxExportException>(() => new NotExportable(seed: 1).ExportOnnx(path));
#pragma warning restore SK3004
        Assert.Equal("twice", error.Layer);
        Assert.Contains("user layer", error.Message);
        Assert.False(File.Exists(path));
    }
}

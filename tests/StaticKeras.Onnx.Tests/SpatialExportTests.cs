using StaticKeras.Onnx.Tests.TestModels;

namespace StaticKeras.Onnx.Tests;

/// <summary>
/// The pooling, reshaping and noise layers' ONNX exports, generated from their descriptors: the
/// models load in ONNX Runtime and predict what <c>Model.Predict</c> does, within 1e-5.
/// </summary>
public sealed class SpatialExportTests
{
    public static TheoryData<string, int> Models() => new()
    {
        { nameof(PoolingExport), 17 },
        { nameof(PoolingExport), 20 },
        { nameof(ReshapingExport), 17 },
        { nameof(ReshapingExport), 20 },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void The_exported_model_predicts_in_ONNX_Runtime_what_it_predicts_here(string name, int opset)
    {
        Model model = name == nameof(PoolingExport) ? new PoolingExport(seed: 2) : new ReshapingExport(seed: 3);
        const int batch = 3;
        float[] x = Tensor.Random(11, batch, model.Definition.InputSize).Data;
        Close.Equal(model.Predict(x), OrtPrediction.Run(model, x, batch, opset));
    }

    [Fact]
    public void Each_layer_names_its_nodes()
    {
        using var stream = new MemoryStream();
        new ReshapingExport(seed: 1).ExportOnnx(stream);
        string text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        foreach (string layer in new[] { "zero_padding2d", "cropping2d", "up_sampling2d_1", "spatial_dropout2d", "gaussian_noise", "permute", "cropping1d", "gaussian_dropout", "repeat_vector" })
        {
            Assert.Contains(layer, text);
        }
    }
}

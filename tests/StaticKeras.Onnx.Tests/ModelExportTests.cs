using Microsoft.ML.OnnxRuntime;
using StaticKeras.Benchmarks.Models;
using StaticKeras.Onnx;

namespace StaticKeras.Onnx.Tests;

/// <summary>
/// Whole StaticKeras models described layer by layer (as the generated <c>ExportOnnx</c> will),
/// loaded by ONNX Runtime with a symbolic batch, and predicting what <c>Model.Predict</c> does.
/// </summary>
public sealed class ModelExportTests
{
    /// <summary>A Dense stack's export from its Keras weights: what the generated ExportOnnx does for these models.</summary>
    private static OnnxGraphBuilder Export(Model model, string[] activations)
    {
        IReadOnlyList<float[]> weights = model.GetWeights();
        IReadOnlyList<WeightDefinition> definitions = model.Definition.Weights;
        var g = new OnnxGraphBuilder(model.Name) { DocString = model.SummaryText() };
        string x = g.AddInput("input_layer", [OnnxDim.Batch, model.Definition.InputSize]);
        for (int layer = 0; layer < activations.Length; layer++)
        {
            int[] shape = definitions[2 * layer].Shape;
            string name = definitions[2 * layer].Path.Split('/')[0];
            x = g.Dense(name, x, weights[2 * layer], weights[(2 * layer) + 1], shape[0], shape[1], activations[layer]);
        }

        g.AddOutput(x, [OnnxDim.Batch, model.Definition.OutputSize]);
        return g;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    public void The_benchmark_MLP_predicts_in_ONNX_Runtime_what_it_predicts_here(int batch)
    {
        var model = new Mlp(seed: 3);
        Tensor x = Tensor.Random(batch, batch, 784);
        float[] ours = model.Predict(x.Data, batchSize: 64);
        float[] theirs = Ort.Run(Export(model, ["relu", "softmax"]), x)[0].Data;
        Close.Equal(ours, theirs);
    }

    [Fact]
    public void The_benchmark_tiny_model_predicts_in_ONNX_Runtime_what_it_predicts_here()
    {
        var model = new Tiny(seed: 5);
        Tensor x = Tensor.Random(6, 9, 4);
        Close.Equal(model.Predict(x.Data), Ort.Run(Export(model, ["relu", "sigmoid"]), x)[0].Data);
    }

    [Fact]
    public void The_batch_is_symbolic_and_the_model_carries_its_producer_names_and_summary()
    {
        var model = new Mlp(seed: 1);
        using var session = new InferenceSession(Export(model, ["relu", "softmax"]).ToArray());
        NodeMetadata input = session.InputMetadata["input_layer"];
        Assert.Equal([-1, 784], input.Dimensions);
        Assert.Equal("batch", input.SymbolicDimensions[0]);
        Assert.Equal([-1, 10], session.OutputMetadata["dense_1"].Dimensions);
        ModelMetadata metadata = session.ModelMetadata;
        Assert.Equal("StaticKeras", metadata.ProducerName);
        Assert.Equal(model.Name, metadata.GraphName);
        Assert.Contains("dense_1 (Dense)", metadata.Description);
    }

    [Theory]
    [InlineData(17)]
    [InlineData(18)]
    [InlineData(19)]
    [InlineData(20)]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void Every_opset_the_writer_accepts_loads_with_its_IR_version(int opset)
    {
        var g = new OnnxGraphBuilder("m") { Opset = opset };
        string x = g.AddInput("x", [OnnxDim.Batch, 3]);
        x = g.Dense("dense", x, new float[6], [1f, 2f], 3, 2, "gelu");
        g.AddOutput(x, [OnnxDim.Batch, 2]);
        float[] y = Ort.Run(g, new Tensor(new float[6], [2, 3]))[0].Data;
        Close.Equal([.. new[] { 1f, 2f, 1f, 2f }.Select(v => Reference.Activation("gelu", v))], y);
    }

    [Fact]
    public void Save_writes_the_file_atomically_and_ONNX_Runtime_loads_it_from_disk()
    {
        string folder = Directory.CreateTempSubdirectory("onnx-save").FullName;
        try
        {
            string path = Path.Combine(folder, "tiny.onnx");
            Export(new Tiny(seed: 2), ["relu", "sigmoid"]).Save(path);
            using var session = new InferenceSession(path);
            Assert.Single(session.InputMetadata);
            Assert.Equal(["tiny.onnx"], Directory.GetFiles(folder).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

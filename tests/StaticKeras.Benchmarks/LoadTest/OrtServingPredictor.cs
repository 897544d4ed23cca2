using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Serving;
using StaticKeras.Onnx;

namespace StaticKeras.Benchmarks.LoadTest;

/// <summary>
/// The load test's peer: the same model, exported with StaticKeras's ONNX writer from the same
/// weights, run by one ONNX Runtime session (CPU provider, all graph optimisations). Requests
/// call <c>Run</c> concurrently with no lock (ONNX Runtime allows it), each on one intra-op
/// thread, over the request's own buffers.
/// </summary>
public sealed unsafe class OrtServingPredictor : IPredictor, IDisposable
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly string[] inputNames;
    private readonly string[] outputNames;

    /// <summary>Exports <paramref name="model"/> (a Dense stack with these Keras activations) and loads it.</summary>
    public OrtServingPredictor(Model model, IReadOnlyList<string> activations)
    {
        ArgumentNullException.ThrowIfNull(model);
        Name = model.Name;
        InputSize = model.Definition.InputSize;
        OutputSize = model.Definition.OutputSize;
        Summary = $"ONNX Runtime {OrtEnv.Instance().GetVersionString()}, running the ONNX export of\n{model.SummaryText()}";
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        session = new InferenceSession(Export(model, activations), options);
        inputNames = [.. session.InputMetadata.Keys];
        outputNames = [.. session.OutputMetadata.Keys];
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int InputSize { get; }

    /// <inheritdoc/>
    public int OutputSize { get; }

    /// <inheritdoc/>
    public string Summary { get; }

    /// <inheritdoc/>
    public void Predict(ReadOnlySpan<float> x, Span<float> y)
    {
        int batch = x.Length / InputSize;
        if (batch == 0 || x.Length % InputSize != 0 || y.Length < batch * OutputSize)
        {
            throw new ArgumentException($"Model '{Name}' takes {InputSize} values per sample and gives {OutputSize}; got {x.Length} inputs and room for {y.Length} outputs.");
        }

        fixed (float* input = x, output = y)
        {
            using var inputValue = OrtValue.CreateTensorValueWithData(OrtMemoryInfo.DefaultInstance, TensorElementType.Float, [batch, InputSize], (IntPtr)input, x.Length * sizeof(float));
            using var outputValue = OrtValue.CreateTensorValueWithData(OrtMemoryInfo.DefaultInstance, TensorElementType.Float, [batch, OutputSize], (IntPtr)output, batch * OutputSize * sizeof(float));
            session.Run(runOptions, inputNames, [inputValue], outputNames, [outputValue]);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        session.Dispose();
        runOptions.Dispose();
    }

    /// <summary>A Dense stack layer by layer, as the generated ExportOnnx will describe it.</summary>
    private static byte[] Export(Model model, IReadOnlyList<string> activations)
    {
        IReadOnlyList<float[]> weights = model.GetWeights();
        IReadOnlyList<WeightDefinition> definitions = model.Definition.Weights;
        var graph = new OnnxGraphBuilder(model.Name);
        string value = graph.AddInput("input_layer", [OnnxDim.Batch, model.Definition.InputSize]);
        for (int layer = 0; layer < activations.Count; layer++)
        {
            WeightDefinition kernel = definitions[2 * layer];
            value = graph.Dense(kernel.Path.Split('/')[0], value, weights[2 * layer], weights[(2 * layer) + 1], kernel.Shape[0], kernel.Shape[1], activations[layer]);
        }

        graph.AddOutput(value, [OnnxDim.Batch, model.Definition.OutputSize]);
        return graph.ToArray();
    }
}

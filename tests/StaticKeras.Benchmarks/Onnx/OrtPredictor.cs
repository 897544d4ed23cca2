using Microsoft.ML.OnnxRuntime;
using StaticKeras.Benchmarks.Models;

namespace StaticKeras.Benchmarks.Onnx;

/// <summary>
/// The inference peer: ONNX Runtime running the model's ONNX export (same weights) on the CPU
/// provider with all graph optimisations, <c>threads</c> intra-op threads, and input and output
/// tensors allocated once, so a timed call is only <c>session.Run</c>.
/// </summary>
public sealed class OrtPredictor : IDisposable
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly string inputName;
    private readonly string outputName;
    private readonly int outputs;
    private readonly long[] sampleShape;

    public OrtPredictor(Model model, BenchmarkModel spec, int threads)
        : this(DenseStack(model, spec), spec.Outputs, [spec.Inputs], threads)
    {
    }

    /// <summary>A session over any exported model whose one input is <c>(batch, sampleShape...)</c> and one output <c>(batch, outputs)</c>.</summary>
    public OrtPredictor(byte[] onnx, int outputs, long[] sampleShape, int threads)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        session = new InferenceSession(onnx, options);
        inputName = session.InputMetadata.Keys.Single();
        outputName = session.OutputMetadata.Keys.Single();
        this.outputs = outputs;
        this.sampleShape = sampleShape;
    }

    /// <summary>The ONNX Runtime version loaded.</summary>
    public static string Version => OrtEnv.Instance().GetVersionString();

    private static byte[] DenseStack(Model model, BenchmarkModel spec)
    {
        IReadOnlyList<float[]> weights = model.GetWeights();
        IReadOnlyList<WeightDefinition> definitions = model.Definition.Weights;
        var layers = new List<(float[], float[], int, int, string?)>();
        for (int i = 0; i < weights.Count; i += 2)
        {
            string activation = i + 2 < weights.Count ? spec.HiddenActivation : spec.OutputActivation;
            layers.Add((weights[i], weights[i + 1], definitions[i].Shape[0], definitions[i].Shape[1], activation));
        }

        return OnnxWriter.DenseStack(spec.Name, spec.Inputs, layers);
    }

    /// <summary>Binds one batch: input and output tensors over arrays allocated here, once.</summary>
    public Batch Prepare(float[] x, int batch) => new(this, x, batch);

    public void Dispose()
    {
        session.Dispose();
        runOptions.Dispose();
    }

    /// <summary>A bound batch; <see cref="Run"/> is the timed call.</summary>
    public sealed class Batch : IDisposable
    {
        private readonly OrtPredictor owner;
        private readonly float[] output;
        private readonly OrtValue input;
        private readonly OrtValue result;
        private readonly string[] inputNames;
        private readonly string[] outputNames;
        private readonly OrtValue[] inputs;
        private readonly OrtValue[] results;

        public Batch(OrtPredictor owner, float[] x, int batch)
        {
            this.owner = owner;
            output = new float[batch * owner.outputs];
            input = OrtValue.CreateTensorValueFromMemory(x, [batch, .. owner.sampleShape]);
            result = OrtValue.CreateTensorValueFromMemory(output, [batch, owner.outputs]);
            inputNames = [owner.inputName];
            outputNames = [owner.outputName];
            inputs = [input];
            results = [result];
        }

        public ReadOnlySpan<float> Output => output;

        public void Run() => owner.session.Run(owner.runOptions, inputNames, inputs, outputNames, results);

        public void Dispose()
        {
            input.Dispose();
            result.Dispose();
        }
    }
}

using Microsoft.ML.OnnxRuntime;
using StaticKeras.Onnx;

namespace StaticKeras.Onnx.Tests;

/// <summary>A float tensor handed to or returned by ONNX Runtime.</summary>
public sealed record Tensor(float[] Data, long[] Shape)
{
    public static Tensor Random(int seed, params long[] shape)
    {
        var random = new Random(seed);
        long count = shape.Aggregate(1L, (a, b) => a * b);
        var data = new float[count];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return new Tensor(data, shape);
    }
}

/// <summary>Loads a written model in ONNX Runtime (which checks it) and runs it on the CPU.</summary>
public static class Ort
{
    /// <summary>Writes the graph, loads it, feeds the graph inputs in order, returns every output in order.</summary>
    public static Tensor[] Run(OnnxGraphBuilder graph, params Tensor[] inputs)
    {
        byte[] model = graph.ToArray();
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, IntraOpNumThreads = 1 };
        using var session = new InferenceSession(model, options);
        var values = inputs.Select(t => OrtValue.CreateTensorValueFromMemory(t.Data, t.Shape)).ToArray();
        try
        {
            string[] inputNames = graph.Inputs.Select(i => i.Name).ToArray();
            string[] outputNames = graph.Outputs.Select(o => o.Name).ToArray();
            using var runOptions = new RunOptions();
            using IDisposableReadOnlyCollection<OrtValue> results = session.Run(runOptions, inputNames, values, outputNames);
            return results.Select(r => new Tensor(r.GetTensorDataAsSpan<float>().ToArray(), r.GetTensorTypeAndShape().Shape)).ToArray();
        }
        finally
        {
            foreach (OrtValue value in values)
            {
                value.Dispose();
            }
        }
    }

    /// <summary>One layer between one input and one output: builds the graph, runs it, checks the output's shape.</summary>
    public static float[] RunLayer(Tensor x, long[] outputShape, Func<OnnxGraphBuilder, string, string> layer, int opset = OnnxOpsets.Default)
    {
        var graph = new OnnxGraphBuilder("layer") { Opset = opset };
        string input = graph.AddInput("x", [OnnxDim.Batch, .. x.Shape.Skip(1).Select(d => OnnxDim.Of(d))]);
        string output = layer(graph, input);
        graph.AddOutput(output, [OnnxDim.Batch, .. outputShape.Skip(1).Select(d => OnnxDim.Of(d))]);
        Tensor result = Run(graph, x)[0];
        Assert.Equal(outputShape, result.Shape);
        return result.Data;
    }
}

/// <summary>Comparisons within the tolerance.</summary>
public static class Close
{
    public const double Tolerance = 1e-5;

    /// <summary>Every value within 1e-5 of the reference (relative to it above 1).</summary>
    public static void Equal(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(expected[i] - actual[i]);
            Assert.True(error <= Tolerance * Math.Max(1, Math.Abs(expected[i])), $"value {i}: expected {expected[i]:R}, ONNX Runtime gave {actual[i]:R} (error {error:E2}).");
        }
    }
}

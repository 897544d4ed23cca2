using Microsoft.ML.OnnxRuntime;

namespace StaticKeras.Onnx.Tests;

/// <summary>A generated model's ONNX export run in ONNX Runtime, with a symbolic batch.</summary>
public static class OrtPrediction
{
    /// <summary>Exports <paramref name="model"/> at <paramref name="opset"/>, loads it (ONNX Runtime applies ONNX's checks) and predicts <paramref name="x"/>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="x">A batch of inputs, row-major.</param>
    /// <param name="batch">Its samples.</param>
    /// <param name="opset">The ONNX opset to write.</param>
    /// <returns>ONNX Runtime's output.</returns>
    public static float[] Run(Model model, float[] x, int batch, int opset)
    {
        using var stream = new MemoryStream();
        model.ExportOnnx(stream, opset);
        using var session = new InferenceSession(stream.ToArray());
        string input = session.InputMetadata.Keys.Single();
        Assert.Equal("batch", session.InputMetadata[input].SymbolicDimensions[0]);
        long[] shape = [batch, .. model.Definition.InputShapes[0].Select(d => (long)d)];
        using var value = OrtValue.CreateTensorValueFromMemory(x, shape);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, [input], [value], [session.OutputMetadata.Keys.Single()]);
        return results[0].GetTensorDataAsSpan<float>().ToArray();
    }
}

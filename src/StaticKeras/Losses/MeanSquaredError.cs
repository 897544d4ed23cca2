using System;
using System.Numerics.Tensors;

namespace StaticKeras;

/// <summary>Keras's <c>MeanSquaredError</c>: <c>mean((y_true − y_pred)²)</c> over the last axis, then over rows.</summary>
public sealed class MeanSquaredError : Loss
{
    /// <inheritdoc/>
    public override string Name => "mean_squared_error";

    /// <inheritdoc/>
    public override float Compute(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, int rows, int cols)
    {
        double sum = 0;
        for (int i = 0; i < rows * cols; i++)
        {
            double d = predictions[i] - labels[i];
            sum += d * d;
        }

        return (float)(sum / ((double)rows * cols));
    }

    /// <inheritdoc/>
    public override float ComputeWithGradient(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, Span<float> gradient, int rows, int cols, LossFusion outputFusion, out bool gradientIsPreActivation)
    {
        int n = rows * cols;
        Span<float> g = gradient.Slice(0, n);
        TensorPrimitives.Subtract(predictions.Slice(0, n), labels.Slice(0, n), g);
        float loss = TensorPrimitives.SumOfSquares(g) / n;
        TensorPrimitives.Multiply(g, 2f / n, g);
        gradientIsPreActivation = false;
        return loss;
    }
}

using System;

namespace StaticKeras;

/// <summary>Keras's <c>MeanAbsoluteError</c>: <c>mean(|y_true − y_pred|)</c> over the last axis, then over rows.</summary>
public sealed class MeanAbsoluteError : Loss
{
    /// <inheritdoc/>
    public override string Name => "mean_absolute_error";

    /// <inheritdoc/>
    public override float Compute(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, int rows, int cols)
    {
        double sum = 0;
        for (int i = 0; i < rows * cols; i++)
        {
            sum += Math.Abs(predictions[i] - labels[i]);
        }

        return (float)(sum / ((double)rows * cols));
    }

    /// <inheritdoc/>
    public override float ComputeWithGradient(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, Span<float> gradient, int rows, int cols, LossFusion outputFusion, out bool gradientIsPreActivation)
    {
        int n = rows * cols;
        float scale = 1f / n;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            float d = predictions[i] - labels[i];
            sum += Math.Abs(d);
            gradient[i] = d > 0 ? scale : d < 0 ? -scale : 0f;
        }

        gradientIsPreActivation = false;
        return (float)(sum / n);
    }
}

using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>BinaryCrossentropy</c>: <c>−(y·log p + (1−y)·log(1−p))</c>, p clipped to
/// [1e-7, 1 − 1e-7], averaged over the last axis and then over rows. With <see cref="FromLogits"/>
/// the output is a logit and the stable form <c>max(z,0) − z·y + log(1 + e^−|z|)</c> is used. With
/// <see cref="LabelSmoothing"/> s the labels become <c>y(1 − s) + s/2</c> first
/// (<c>keras/src/losses/losses.py</c>, <c>binary_crossentropy</c>).
/// </summary>
public sealed class BinaryCrossentropy : Loss
{
    private const double Epsilon = 1e-7;

    /// <summary>Creates the loss.</summary>
    /// <param name="fromLogits">True when the model outputs logits (no sigmoid on the last layer).</param>
    /// <param name="labelSmoothing">In [0, 1]; 0 for none.</param>
    public BinaryCrossentropy(bool fromLogits = false, float labelSmoothing = 0f)
    {
        FromLogits = fromLogits;
        LabelSmoothing = CrossEntropy.CheckSmoothing(labelSmoothing);
    }

    /// <summary>Whether predictions are logits rather than probabilities.</summary>
    public bool FromLogits { get; init; }

    /// <summary>Keras's <c>label_smoothing</c>: labels are squeezed towards ½ by this fraction.</summary>
    public float LabelSmoothing { get; }

    /// <inheritdoc/>
    public override string Name => "binary_crossentropy";

    /// <inheritdoc/>
    public override float Compute(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, int rows, int cols) =>
        Compute(predictions, labels, ReadOnlySpan<float>.Empty, rows, cols);

    /// <inheritdoc/>
    public override float Compute(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, ReadOnlySpan<float> rowWeights, int rows, int cols)
    {
        double sum = 0;
        for (int i = 0; i < rows * cols; i++)
        {
            sum += Element(predictions[i], labels[i]) * (rowWeights.IsEmpty ? 1 : rowWeights[i / cols]);
        }

        return (float)(sum / ((double)rows * cols));
    }

    /// <inheritdoc/>
    public override float ComputeWithGradient(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, Span<float> gradient, int rows, int cols, LossFusion outputFusion, out bool gradientIsPreActivation) =>
        ComputeWithGradient(predictions, labels, ReadOnlySpan<float>.Empty, gradient, rows, cols, outputFusion, out gradientIsPreActivation);

    /// <inheritdoc/>
    public override float ComputeWithGradient(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, ReadOnlySpan<float> rowWeights, Span<float> gradient, int rows, int cols, LossFusion outputFusion, out bool gradientIsPreActivation)
    {
        int n = rows * cols;
        double sum = 0;

        // d/dz of the loss through a sigmoid is (p − y): exact, and free of the clipping's dead zone.
        gradientIsPreActivation = FromLogits || outputFusion == LossFusion.Sigmoid;
        for (int i = 0; i < n; i++)
        {
            double p = predictions[i], y = Smooth(labels[i]);
            double weight = rowWeights.IsEmpty ? 1 : rowWeights[i / cols], scale = weight / n;
            sum += Element(predictions[i], labels[i]) * weight;
            if (FromLogits)
            {
                gradient[i] = (float)((Sigmoid(p) - y) * scale);
            }
            else if (gradientIsPreActivation)
            {
                gradient[i] = (float)((p - y) * scale);
            }
            else
            {
                double clipped = Math.Min(Math.Max(p, Epsilon), 1 - Epsilon);
                bool inside = p > Epsilon && p < 1 - Epsilon;
                gradient[i] = inside ? (float)((((1 - y) / (1 - clipped)) - (y / clipped)) * scale) : 0f;
            }
        }

        return (float)(sum / n);
    }

    private double Smooth(float label) => (label * (1.0 - LabelSmoothing)) + (0.5 * LabelSmoothing);

    private double Element(float prediction, float label)
    {
        double y = Smooth(label);
        if (FromLogits)
        {
            double z = prediction;
            return Math.Max(z, 0) - (z * y) + Math.Log(1 + Math.Exp(-Math.Abs(z)));
        }

        double p = Math.Min(Math.Max(prediction, Epsilon), 1 - Epsilon);
        return -((y * Math.Log(p)) + ((1 - y) * Math.Log(1 - p)));
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}

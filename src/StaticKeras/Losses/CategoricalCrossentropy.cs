using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>CategoricalCrossentropy</c> with one-hot (or soft) labels: <c>−Σ y·log p</c> per
/// row, where probabilities are renormalised by their row sum and clipped to [1e-7, 1 − 1e-7]; with
/// <see cref="FromLogits"/>, <c>logsumexp(z) − Σ y·z</c>. With <see cref="LabelSmoothing"/> s the labels
/// become <c>y(1 − s) + s/classes</c> first (<c>keras/src/losses/losses.py</c>, <c>categorical_crossentropy</c>).
/// </summary>
public sealed class CategoricalCrossentropy : Loss
{
    private float[] smoothed = Array.Empty<float>();

    /// <summary>Creates the loss.</summary>
    /// <param name="fromLogits">True when the model outputs logits (no softmax on the last layer).</param>
    /// <param name="labelSmoothing">In [0, 1]; 0 for none.</param>
    public CategoricalCrossentropy(bool fromLogits = false, float labelSmoothing = 0f)
    {
        FromLogits = fromLogits;
        LabelSmoothing = CrossEntropy.CheckSmoothing(labelSmoothing);
    }

    /// <summary>Whether predictions are logits rather than probabilities.</summary>
    public bool FromLogits { get; init; }

    /// <summary>Keras's <c>label_smoothing</c>: labels are mixed with the uniform distribution by this fraction.</summary>
    public float LabelSmoothing { get; }

    /// <inheritdoc/>
    public override string Name => "categorical_crossentropy";

    /// <inheritdoc/>
    public override float Compute(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, int rows, int cols) =>
        Compute(predictions, labels, ReadOnlySpan<float>.Empty, rows, cols);

    /// <inheritdoc/>
    public override float Compute(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, ReadOnlySpan<float> rowWeights, int rows, int cols)
    {
        double sum = 0;
        for (int r = 0; r < rows; r++)
        {
            double weight = rowWeights.IsEmpty ? 1 : rowWeights[r];
            sum += weight * CrossEntropy.Row(predictions.Slice(r * cols, cols), Labels(labels, r, cols), FromLogits);
        }

        return (float)(sum / rows);
    }

    /// <inheritdoc/>
    public override float ComputeWithGradient(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, Span<float> gradient, int rows, int cols, LossFusion outputFusion, out bool gradientIsPreActivation) =>
        ComputeWithGradient(predictions, labels, ReadOnlySpan<float>.Empty, gradient, rows, cols, outputFusion, out gradientIsPreActivation);

    /// <inheritdoc/>
    public override float ComputeWithGradient(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, ReadOnlySpan<float> rowWeights, Span<float> gradient, int rows, int cols, LossFusion outputFusion, out bool gradientIsPreActivation)
    {
        gradientIsPreActivation = FromLogits || outputFusion == LossFusion.Softmax;
        double sum = 0;
        for (int r = 0; r < rows; r++)
        {
            double weight = rowWeights.IsEmpty ? 1 : rowWeights[r];
            ReadOnlySpan<float> p = predictions.Slice(r * cols, cols), y = Labels(labels, r, cols);
            sum += weight * CrossEntropy.Row(p, y, FromLogits);
            CrossEntropy.RowGradient(p, y, gradient.Slice(r * cols, cols), FromLogits, gradientIsPreActivation, weight / rows);
        }

        return (float)(sum / rows);
    }

    /// <summary>Row <paramref name="r"/>'s labels, smoothed when <see cref="LabelSmoothing"/> is set.</summary>
    private ReadOnlySpan<float> Labels(ReadOnlySpan<float> labels, int r, int cols)
    {
        ReadOnlySpan<float> row = labels.Slice(r * cols, cols);
        if (LabelSmoothing == 0)
        {
            return row;
        }

        if (smoothed.Length < cols)
        {
            smoothed = new float[cols];
        }

        return CrossEntropy.Smooth(row, LabelSmoothing, smoothed);
    }
}

using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>CategoricalCrossentropy</c> with one-hot (or soft) labels: <c>−Σ y·log p</c> per
/// row, where probabilities are renormalised by their row sum and clipped to [1e-7, 1 − 1e-7]; with
/// <see cref="FromLogits"/>, <c>logsumexp(z) − Σ y·z</c> for one-hot y.
/// </summary>
public sealed class CategoricalCrossentropy : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="fromLogits">True when the model outputs logits (no softmax on the last layer).</param>
    public CategoricalCrossentropy(bool fromLogits = false) => FromLogits = fromLogits;

    /// <summary>Whether predictions are logits rather than probabilities.</summary>
    public bool FromLogits { get; init; }

    /// <inheritdoc/>
    public override string Name => "categorical_crossentropy";

    /// <inheritdoc/>
    public override float Compute(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, int rows, int cols)
    {
        double sum = 0;
        for (int r = 0; r < rows; r++)
        {
            sum += CrossEntropy.Row(predictions.Slice(r * cols, cols), labels.Slice(r * cols, cols), FromLogits);
        }

        return (float)(sum / rows);
    }

    /// <inheritdoc/>
    public override float ComputeWithGradient(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, Span<float> gradient, int rows, int cols, LossFusion outputFusion, out bool gradientIsPreActivation)
    {
        gradientIsPreActivation = FromLogits || outputFusion == LossFusion.Softmax;
        double sum = 0;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> p = predictions.Slice(r * cols, cols), y = labels.Slice(r * cols, cols);
            sum += CrossEntropy.Row(p, y, FromLogits);
            CrossEntropy.RowGradient(p, y, gradient.Slice(r * cols, cols), FromLogits, gradientIsPreActivation, 1.0 / rows);
        }

        return (float)(sum / rows);
    }
}

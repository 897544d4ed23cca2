using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>SparseCategoricalCrossentropy</c>: categorical cross-entropy with each label a class
/// index (one label per row), as Keras with integer labels.
/// </summary>
public sealed class SparseCategoricalCrossentropy : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="fromLogits">True when the model outputs logits (no softmax on the last layer).</param>
    public SparseCategoricalCrossentropy(bool fromLogits = false) => FromLogits = fromLogits;

    /// <summary>Whether predictions are logits rather than probabilities.</summary>
    public bool FromLogits { get; init; }

    /// <inheritdoc/>
    public override string Name => "sparse_categorical_crossentropy";

    /// <inheritdoc/>
    public override int LabelsPerRow(int classes) => 1;

    /// <inheritdoc/>
    public override float Compute(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, int rows, int cols)
    {
        double sum = 0;
        for (int r = 0; r < rows; r++)
        {
            sum += CrossEntropy.SparseRow(predictions.Slice(r * cols, cols), (int)labels[r], FromLogits);
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
            ReadOnlySpan<float> p = predictions.Slice(r * cols, cols);
            int label = (int)labels[r];
            sum += CrossEntropy.SparseRow(p, label, FromLogits);
            CrossEntropy.SparseRowGradient(p, label, gradient.Slice(r * cols, cols), FromLogits, gradientIsPreActivation, 1.0 / rows);
        }

        return (float)(sum / rows);
    }

    /// <inheritdoc/>
    public override void ValidateLabels(ReadOnlySpan<float> labels, int cols)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            float label = labels[i];
            if (!(label >= 0 && label < cols && label == MathF.Floor(label)))
            {
                throw new ArgumentException($"sparse_categorical_crossentropy needs class ids 0..{cols - 1} (one per sample), but label {i} is {label}. Pass integer class ids, or use CategoricalCrossentropy for one-hot labels.", "y");
            }
        }
    }
}

using System;

namespace StaticKeras;

public abstract partial class Loss
{
    /// <summary>
    /// The loss with a weight per row, reduced as Keras's <c>sum_over_batch_size</c> with a
    /// <c>sample_weight</c>: <c>Σ wᵣ·lossᵣ / rows</c>, the divisor the row count, not the weights'
    /// sum (<c>keras/src/losses/loss.py</c>, <c>reduce_weighted_values</c>). Fit passes each sample's
    /// weight (its <c>SampleWeight</c> or <c>ClassWeight</c>) for every row of that sample.
    /// </summary>
    /// <param name="predictions">The model's output, <c>(rows, cols)</c>.</param>
    /// <param name="labels">The targets.</param>
    /// <param name="rowWeights">One weight per row; empty for none.</param>
    /// <param name="rows">Rows.</param>
    /// <param name="cols">The output's last dimension.</param>
    /// <remarks>
    /// The default works for any loss that is a mean of independent row losses: it computes each
    /// row on its own. The built-in losses override it with one pass.
    /// </remarks>
    public virtual float Compute(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, ReadOnlySpan<float> rowWeights, int rows, int cols)
    {
        if (rowWeights.IsEmpty)
        {
            return Compute(predictions, labels, rows, cols);
        }

        int perRow = LabelsPerRow(cols);
        double sum = 0;
        for (int r = 0; r < rows; r++)
        {
            sum += rowWeights[r] * (double)Compute(predictions.Slice(r * cols, cols), labels.Slice(r * perRow, perRow), 1, cols);
        }

        return (float)(sum / rows);
    }

    /// <summary>The weighted loss of <see cref="Compute(ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, int, int)"/> and its gradient (each row's gradient scaled by its weight).</summary>
    /// <param name="predictions">The model's output, <c>(rows, cols)</c>.</param>
    /// <param name="labels">The targets.</param>
    /// <param name="rowWeights">One weight per row; empty for none.</param>
    /// <param name="gradient">Receives the gradient, as <see cref="ComputeWithGradient(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, int, int, LossFusion, out bool)"/>.</param>
    /// <param name="rows">Rows.</param>
    /// <param name="cols">The output's last dimension.</param>
    /// <param name="outputFusion">Which loss the output layer's activation cancels against.</param>
    /// <param name="gradientIsPreActivation">Set when the gradient is with respect to the pre-activation.</param>
    public virtual float ComputeWithGradient(
        ReadOnlySpan<float> predictions,
        ReadOnlySpan<float> labels,
        ReadOnlySpan<float> rowWeights,
        Span<float> gradient,
        int rows,
        int cols,
        LossFusion outputFusion,
        out bool gradientIsPreActivation)
    {
        float value = ComputeWithGradient(predictions, labels, gradient, rows, cols, outputFusion, out gradientIsPreActivation);
        if (rowWeights.IsEmpty)
        {
            return value;
        }

        // Row losses are independent, so each row's gradient scales by its weight.
        for (int r = 0; r < rows; r++)
        {
            Span<float> row = gradient.Slice(r * cols, cols);
            System.Numerics.Tensors.TensorPrimitives.Multiply(row, rowWeights[r], row);
        }

        return Compute(predictions, labels, rowWeights, rows, cols);
    }
}

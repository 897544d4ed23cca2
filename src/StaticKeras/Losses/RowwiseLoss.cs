using System;
using System.Numerics.Tensors;

namespace StaticKeras;

/// <summary>
/// A loss that is one value per row of the output's last axis (Keras's <c>fn(y_true, y_pred)</c> with
/// <c>axis=-1</c>), averaged over rows as Keras's <c>sum_over_batch_size</c>. A subclass writes one
/// row's value and gradient; this class does the batch, the sample weights and the reduction.
/// </summary>
public abstract class RowwiseLoss : Loss
{
    /// <inheritdoc/>
    public sealed override float Compute(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, int rows, int cols) =>
        Reduce(predictions, labels, ReadOnlySpan<float>.Empty, Span<float>.Empty, rows, cols);

    /// <inheritdoc/>
    public sealed override float Compute(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, ReadOnlySpan<float> rowWeights, int rows, int cols) =>
        Reduce(predictions, labels, rowWeights, Span<float>.Empty, rows, cols);

    /// <inheritdoc/>
    public sealed override float ComputeWithGradient(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, Span<float> gradient, int rows, int cols, LossFusion outputFusion, out bool gradientIsPreActivation)
    {
        gradientIsPreActivation = false;
        return Reduce(predictions, labels, ReadOnlySpan<float>.Empty, gradient.Slice(0, rows * cols), rows, cols);
    }

    /// <inheritdoc/>
    public sealed override float ComputeWithGradient(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, ReadOnlySpan<float> rowWeights, Span<float> gradient, int rows, int cols, LossFusion outputFusion, out bool gradientIsPreActivation)
    {
        gradientIsPreActivation = false;
        return Reduce(predictions, labels, rowWeights, gradient.Slice(0, rows * cols), rows, cols);
    }

    /// <summary>One row's loss; when <paramref name="gradient"/> is not empty, also d(row loss)/d(prediction) into it.</summary>
    /// <param name="predictions">The row's predictions.</param>
    /// <param name="labels">The row's labels (<see cref="Loss.LabelsPerRow"/> values).</param>
    /// <param name="gradient">Empty, or the row's gradient to write.</param>
    protected abstract double Row(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, Span<float> gradient);

    /// <summary>Called once per batch before its rows, for a loss whose rows depend on the whole batch (hinge's label conversion).</summary>
    /// <param name="labels">Every label of the batch.</param>
    protected virtual void BeginBatch(ReadOnlySpan<float> labels)
    {
    }

    private float Reduce(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, ReadOnlySpan<float> rowWeights, Span<float> gradient, int rows, int cols)
    {
        int perRow = LabelsPerRow(cols);
        BeginBatch(labels.Slice(0, rows * perRow));
        double sum = 0;
        for (int r = 0; r < rows; r++)
        {
            Span<float> rowGradient = gradient.IsEmpty ? Span<float>.Empty : gradient.Slice(r * cols, cols);
            double weight = rowWeights.IsEmpty ? 1 : rowWeights[r];
            sum += weight * Row(predictions.Slice(r * cols, cols), labels.Slice(r * perRow, perRow), rowGradient);
            if (!rowGradient.IsEmpty)
            {
                TensorPrimitives.Multiply(rowGradient, (float)(weight / rows), rowGradient);
            }
        }

        return (float)(sum / rows);
    }
}

/// <summary>
/// A loss that is the mean over the last axis of one value per element (Keras's
/// <c>mean(f(y_true, y_pred), axis=-1)</c>): a subclass writes the element's value and derivative.
/// </summary>
public abstract class ElementwiseLoss : RowwiseLoss
{
    /// <summary>One element's loss and its derivative with respect to the prediction.</summary>
    /// <param name="prediction">The prediction.</param>
    /// <param name="label">The label.</param>
    /// <param name="derivative">Receives d(loss)/d(prediction).</param>
    protected abstract double Element(double prediction, double label, out double derivative);

    /// <inheritdoc/>
    protected sealed override double Row(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, Span<float> gradient)
    {
        int n = predictions.Length;
        double sum = 0;
        for (int j = 0; j < n; j++)
        {
            sum += Element(predictions[j], labels[j], out double derivative);
            if (!gradient.IsEmpty)
            {
                gradient[j] = (float)(derivative / n);
            }
        }

        return sum / n;
    }
}

using System;

namespace StaticKeras;

/// <summary>
/// A loss: one value per row of the output's last axis, averaged over all rows (Keras's default
/// reduction <c>sum_over_batch_size</c>), and its gradient. Subclass it for a custom loss.
/// </summary>
public abstract partial class Loss
{
    /// <summary>Keras's name of the loss (<c>sparse_categorical_crossentropy</c>), shown in messages.</summary>
    public abstract string Name { get; }

    /// <summary>Labels per row for rows of <paramref name="classes"/> values: 1 for sparse labels, else the row width.</summary>
    public virtual int LabelsPerRow(int classes) => classes;

    /// <summary>The mean loss over <paramref name="rows"/> rows of <paramref name="cols"/> predictions.</summary>
    /// <param name="predictions">The model's output, <c>(rows, cols)</c>.</param>
    /// <param name="labels">The targets, <c>(rows, LabelsPerRow(cols))</c>.</param>
    /// <param name="rows">Rows (the batch times every axis but the last).</param>
    /// <param name="cols">The output's last dimension.</param>
    public abstract float Compute(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, int rows, int cols);

    /// <summary>
    /// The mean loss and its gradient. When the output layer's activation cancels against the loss
    /// (softmax with categorical cross-entropy, sigmoid with binary cross-entropy), the gradient may
    /// be written with respect to the pre-activation instead, which is exact and cheaper; the
    /// return flag says which was written.
    /// </summary>
    /// <param name="predictions">The model's output, <c>(rows, cols)</c>.</param>
    /// <param name="labels">The targets.</param>
    /// <param name="gradient">Receives dL/d(predictions), or dL/d(pre-activation) when <paramref name="gradientIsPreActivation"/>.</param>
    /// <param name="rows">Rows.</param>
    /// <param name="cols">The output's last dimension.</param>
    /// <param name="outputFusion">Which loss the output layer's activation cancels against (<see cref="LossFusion"/>).</param>
    /// <param name="gradientIsPreActivation">Set when the gradient is with respect to the pre-activation.</param>
    public abstract float ComputeWithGradient(
        ReadOnlySpan<float> predictions,
        ReadOnlySpan<float> labels,
        Span<float> gradient,
        int rows,
        int cols,
        LossFusion outputFusion,
        out bool gradientIsPreActivation);

    /// <summary>Checks that labels suit this loss (for example integer class ids in range); throws <see cref="ArgumentException"/> naming the first bad one.</summary>
    public virtual void ValidateLabels(ReadOnlySpan<float> labels, int cols)
    {
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

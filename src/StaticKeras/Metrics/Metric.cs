using System;

namespace StaticKeras;

/// <summary>
/// A metric: a running value over the batches of an epoch (or an evaluation). Subclass it for a
/// custom metric; <see cref="Model"/> resets it at the start of every epoch and evaluation.
/// </summary>
public abstract class Metric
{
    /// <summary>The key it is logged under (<c>accuracy</c>; <c>val_accuracy</c> for validation).</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Keras's <c>_direction</c>: true when larger is better (accuracy, AUC), false when smaller is
    /// (errors), null when unknown. Callbacks in <c>mode: "auto"</c> read it.
    /// </summary>
    public virtual bool? HigherIsBetter => null;

    /// <summary>Starts a new accumulation.</summary>
    public abstract void Reset();

    /// <summary>Accumulates one batch.</summary>
    /// <param name="predictions">The model's output, <c>(rows, cols)</c>.</param>
    /// <param name="labels">The targets, <c>(rows, labelsPerRow)</c>.</param>
    /// <param name="rows">Rows (the batch times every axis but the last).</param>
    /// <param name="cols">The output's last dimension.</param>
    /// <param name="labelsPerRow">Labels per row: 1 for class ids, else <paramref name="cols"/>.</param>
    public abstract void Update(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, int rows, int cols, int labelsPerRow);

    /// <summary>
    /// Accumulates one batch with a weight per row (Keras's <c>update_state(..., sample_weight)</c>);
    /// Fit passes each sample's <c>SampleWeight</c> or <c>ClassWeight</c>. Empty weights mean none.
    /// </summary>
    /// <param name="predictions">The model's output, <c>(rows, cols)</c>.</param>
    /// <param name="labels">The targets, <c>(rows, labelsPerRow)</c>.</param>
    /// <param name="rowWeights">One weight per row, or empty.</param>
    /// <param name="rows">Rows.</param>
    /// <param name="cols">The output's last dimension.</param>
    /// <param name="labelsPerRow">Labels per row.</param>
    /// <exception cref="NotSupportedException">Weights were given to a metric that does not override this.</exception>
    public virtual void Update(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, ReadOnlySpan<float> rowWeights, int rows, int cols, int labelsPerRow)
    {
        if (!rowWeights.IsEmpty)
        {
            throw new NotSupportedException($"Metric '{Name}' does not take sample weights (SampleWeight or ClassWeight in Fit); override Update(predictions, labels, rowWeights, rows, cols, labelsPerRow) in {GetType().Name}.");
        }

        Update(predictions, labels, rows, cols, labelsPerRow);
    }

    /// <summary>The value so far.</summary>
    public abstract double Result();

    /// <inheritdoc/>
    public override string ToString() => Name;
}

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

    /// <summary>Starts a new accumulation.</summary>
    public abstract void Reset();

    /// <summary>Accumulates one batch.</summary>
    /// <param name="predictions">The model's output, <c>(rows, cols)</c>.</param>
    /// <param name="labels">The targets, <c>(rows, labelsPerRow)</c>.</param>
    /// <param name="rows">Rows (the batch times every axis but the last).</param>
    /// <param name="cols">The output's last dimension.</param>
    /// <param name="labelsPerRow">Labels per row: 1 for class ids, else <paramref name="cols"/>.</param>
    public abstract void Update(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, int rows, int cols, int labelsPerRow);

    /// <summary>The value so far.</summary>
    public abstract double Result();

    /// <inheritdoc/>
    public override string ToString() => Name;
}

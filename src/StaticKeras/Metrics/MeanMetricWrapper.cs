using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>MeanMetricWrapper</c> (<c>keras/src/metrics/reduction_metrics.py</c>): the (weighted)
/// mean over rows of one value per row. A subclass gives the row's value; this class keeps the
/// running total and count.
/// </summary>
public abstract class MeanMetricWrapper : Metric
{
    private double total;
    private double count;

    /// <inheritdoc/>
    public sealed override void Reset()
    {
        total = 0;
        count = 0;
    }

    /// <inheritdoc/>
    public sealed override void Update(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, int rows, int cols, int labelsPerRow) =>
        Update(predictions, labels, ReadOnlySpan<float>.Empty, rows, cols, labelsPerRow);

    /// <inheritdoc/>
    public sealed override void Update(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, ReadOnlySpan<float> rowWeights, int rows, int cols, int labelsPerRow)
    {
        for (int r = 0; r < rows; r++)
        {
            double weight = rowWeights.IsEmpty ? 1 : rowWeights[r];
            total += weight * RowValue(predictions.Slice(r * cols, cols), labels.Slice(r * labelsPerRow, labelsPerRow));
            count += weight;
        }
    }

    /// <inheritdoc/>
    public override double Result() => count == 0 ? 0 : Finish(total / count);

    /// <summary>One row's value (the mean over the row for elementwise metrics).</summary>
    /// <param name="predictions">The row's predictions.</param>
    /// <param name="labels">The row's labels: one class id, or one label per prediction.</param>
    protected abstract double RowValue(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels);

    /// <summary>Turns the mean into the result (root mean squared error takes its square root).</summary>
    /// <param name="mean">The weighted mean of the row values.</param>
    protected virtual double Finish(double mean) => mean;

    /// <summary>The index of the first largest value, as <c>argmax</c>.</summary>
    private protected static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// Whether class <paramref name="target"/> is among the <paramref name="k"/> largest predictions, as
    /// <c>in_top_k</c>: ties at the boundary count as in.
    /// </summary>
    private protected static bool InTopK(ReadOnlySpan<float> predictions, int target, int k)
    {
        if ((uint)target >= (uint)predictions.Length)
        {
            return false;
        }

        int above = 0;
        foreach (float p in predictions)
        {
            above += p > predictions[target] ? 1 : 0;
        }

        return above < k;
    }
}

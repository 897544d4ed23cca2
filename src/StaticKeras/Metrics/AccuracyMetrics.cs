using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>"accuracy"</c>, resolved from shapes as Keras's <c>compile</c> does: an output of width 1
/// gives binary accuracy (threshold 0.5); one label per row with a wider output gives sparse
/// categorical accuracy; otherwise categorical accuracy. Logged as <c>accuracy</c>.
/// </summary>
public sealed class Accuracy : MeanMetricWrapper
{
    /// <inheritdoc/>
    public override string Name => "accuracy";

    /// <inheritdoc/>
    public override bool? HigherIsBetter => true;

    /// <inheritdoc/>
    protected override double RowValue(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels) =>
        predictions.Length == 1 ? BinaryAccuracy.Matches(predictions, labels, 0.5f)
        : labels.Length == 1 ? (ArgMax(predictions) == (int)labels[0] ? 1 : 0)
        : ArgMax(predictions) == ArgMax(labels) ? 1 : 0;
}

/// <summary>Keras's <c>BinaryAccuracy</c> (<c>keras/src/metrics/accuracy_metrics.py</c>): how often <c>(p &gt; threshold)</c> equals the label.</summary>
public sealed class BinaryAccuracy : MeanMetricWrapper
{
    /// <summary>Creates the metric with Keras's default threshold.</summary>
    /// <param name="threshold">Predictions above it count as 1.</param>
    public BinaryAccuracy(float threshold = 0.5f) => Threshold = threshold;

    /// <summary>Predictions above it count as 1.</summary>
    public float Threshold { get; }

    /// <inheritdoc/>
    public override string Name => "binary_accuracy";

    /// <inheritdoc/>
    public override bool? HigherIsBetter => true;

    /// <summary>The fraction of a row's predictions whose thresholded value equals its label.</summary>
    internal static double Matches(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, float threshold)
    {
        int matches = 0;
        for (int j = 0; j < predictions.Length; j++)
        {
            matches += (predictions[j] > threshold ? 1f : 0f) == labels[j] ? 1 : 0;
        }

        return (double)matches / predictions.Length;
    }

    /// <inheritdoc/>
    protected override double RowValue(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels) => Matches(predictions, labels, Threshold);
}

/// <summary>Keras's <c>CategoricalAccuracy</c>: how often the predicted and the one-hot label's argmax agree.</summary>
public sealed class CategoricalAccuracy : MeanMetricWrapper
{
    /// <inheritdoc/>
    public override string Name => "categorical_accuracy";

    /// <inheritdoc/>
    public override bool? HigherIsBetter => true;

    /// <inheritdoc/>
    protected override double RowValue(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels) => ArgMax(predictions) == ArgMax(labels) ? 1 : 0;
}

/// <summary>Keras's <c>SparseCategoricalAccuracy</c>: how often the predicted argmax equals the class id.</summary>
public sealed class SparseCategoricalAccuracy : MeanMetricWrapper
{
    /// <inheritdoc/>
    public override string Name => "sparse_categorical_accuracy";

    /// <inheritdoc/>
    public override bool? HigherIsBetter => true;

    /// <inheritdoc/>
    protected override double RowValue(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels) => ArgMax(predictions) == (int)labels[0] ? 1 : 0;
}

/// <summary>Keras's <c>TopKCategoricalAccuracy</c>: how often the one-hot label's class is among the k largest predictions.</summary>
public sealed class TopKCategoricalAccuracy : MeanMetricWrapper
{
    /// <summary>Creates the metric with Keras's default k = 5.</summary>
    /// <param name="k">How many of the largest predictions count.</param>
    public TopKCategoricalAccuracy(int k = 5) => K = k;

    /// <summary>How many of the largest predictions count.</summary>
    public int K { get; }

    /// <inheritdoc/>
    public override string Name => "top_k_categorical_accuracy";

    /// <inheritdoc/>
    public override bool? HigherIsBetter => true;

    /// <inheritdoc/>
    protected override double RowValue(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels) => InTopK(predictions, ArgMax(labels), K) ? 1 : 0;
}

/// <summary>Keras's <c>SparseTopKCategoricalAccuracy</c>: how often the class id is among the k largest predictions.</summary>
public sealed class SparseTopKCategoricalAccuracy : MeanMetricWrapper
{
    /// <summary>Creates the metric with Keras's default k = 5.</summary>
    /// <param name="k">How many of the largest predictions count.</param>
    public SparseTopKCategoricalAccuracy(int k = 5) => K = k;

    /// <summary>How many of the largest predictions count.</summary>
    public int K { get; }

    /// <inheritdoc/>
    public override string Name => "sparse_top_k_categorical_accuracy";

    /// <inheritdoc/>
    public override bool? HigherIsBetter => true;

    /// <inheritdoc/>
    protected override double RowValue(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels) => InTopK(predictions, (int)labels[0], K) ? 1 : 0;
}

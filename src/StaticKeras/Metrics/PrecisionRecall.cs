using System;

namespace StaticKeras;

/// <summary>
/// The confusion counts Keras's <c>Precision</c> and <c>Recall</c> keep (<c>keras/src/metrics/confusion_metrics.py</c>,
/// <c>metrics_utils.update_confusion_matrix_variables</c>): every prediction is positive when above the
/// threshold (or, with <see cref="TopK"/>, when among the row's k largest), every label when non-zero;
/// with <see cref="ClassId"/> only that column counts.
/// </summary>
public abstract class ConfusionMetric : Metric
{
    private double truePositives, falsePositives, falseNegatives;

    /// <summary>Sets the threshold and the optional top-k and class filters.</summary>
    /// <param name="threshold">Predictions above it are positive (Keras's default 0.5).</param>
    /// <param name="topK">Only the row's k largest predictions can be positive.</param>
    /// <param name="classId">Only this column counts.</param>
    private protected ConfusionMetric(float? threshold, int? topK, int? classId)
    {
        if (threshold is { } t && !(t >= 0 && t <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), t, "thresholds must be in [0, 1], as in Keras.");
        }

        // Keras: 0.5 by default, or -inf with top_k (every top-k prediction is positive).
        Threshold = threshold ?? (topK is null ? 0.5f : float.NegativeInfinity);
        TopK = topK;
        ClassId = classId;
    }

    /// <summary>Predictions above it are positive.</summary>
    public float Threshold { get; }

    /// <summary>When set, only the row's k largest predictions can be positive.</summary>
    public int? TopK { get; }

    /// <summary>When set, only this column counts.</summary>
    public int? ClassId { get; }

    /// <inheritdoc/>
    public override bool? HigherIsBetter => true;

    /// <summary>Weighted true positives so far.</summary>
    protected double TruePositives => truePositives;

    /// <summary>Weighted false positives so far.</summary>
    protected double FalsePositives => falsePositives;

    /// <summary>Weighted false negatives so far.</summary>
    protected double FalseNegatives => falseNegatives;

    /// <inheritdoc/>
    public override void Reset() => truePositives = falsePositives = falseNegatives = 0;

    /// <inheritdoc/>
    public override void Update(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, int rows, int cols, int labelsPerRow) =>
        Update(predictions, labels, ReadOnlySpan<float>.Empty, rows, cols, labelsPerRow);

    /// <inheritdoc/>
    public override void Update(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, ReadOnlySpan<float> rowWeights, int rows, int cols, int labelsPerRow)
    {
        RequireLabelPerPrediction(Name, cols, labelsPerRow);
        for (int r = 0; r < rows; r++)
        {
            double weight = rowWeights.IsEmpty ? 1 : rowWeights[r];
            ReadOnlySpan<float> p = predictions.Slice(r * cols, cols), y = labels.Slice(r * cols, cols);
            for (int j = ClassId ?? 0; j < (ClassId + 1 ?? cols); j++)
            {
                bool positive = p[j] > Threshold && (TopK is not { } k || RankOf(p, j) < k);
                bool actual = y[j] != 0;
                truePositives += positive && actual ? weight : 0;
                falsePositives += positive && !actual ? weight : 0;
                falseNegatives += !positive && actual ? weight : 0;
            }
        }
    }

    /// <summary>Throws for sparse labels, which confusion metrics cannot read (Keras compares label and prediction elementwise).</summary>
    internal static void RequireLabelPerPrediction(string metric, int cols, int labelsPerRow)
    {
        if (labelsPerRow != cols)
        {
            throw new ArgumentException($"Metric '{metric}' compares each prediction with its label, so it needs {cols} labels per row, but the loss gives {labelsPerRow} (class ids). Use one-hot labels with CategoricalCrossentropy, or a binary output.");
        }
    }

    /// <summary>How many values in the row are larger than value <paramref name="j"/> (ties before it count as larger, as a stable top-k).</summary>
    private static int RankOf(ReadOnlySpan<float> row, int j)
    {
        int rank = 0;
        for (int i = 0; i < row.Length; i++)
        {
            rank += row[i] > row[j] || (row[i] == row[j] && i < j) ? 1 : 0;
        }

        return rank;
    }
}

/// <summary>Keras's <c>Precision</c>: <c>TP / (TP + FP)</c>, 0 when nothing was predicted positive.</summary>
public sealed class Precision : ConfusionMetric
{
    /// <summary>Creates the metric with Keras's defaults.</summary>
    /// <param name="threshold">Predictions above it are positive; 0.5 by default.</param>
    /// <param name="topK">Only the row's k largest predictions can be positive.</param>
    /// <param name="classId">Only this column counts.</param>
    public Precision(float? threshold = null, int? topK = null, int? classId = null)
        : base(threshold, topK, classId)
    {
    }

    /// <inheritdoc/>
    public override string Name => "precision";

    /// <inheritdoc/>
    public override double Result() => TruePositives + FalsePositives == 0 ? 0 : TruePositives / (TruePositives + FalsePositives);
}

/// <summary>Keras's <c>Recall</c>: <c>TP / (TP + FN)</c>, 0 when there was no positive label.</summary>
public sealed class Recall : ConfusionMetric
{
    /// <summary>Creates the metric with Keras's defaults.</summary>
    /// <param name="threshold">Predictions above it are positive; 0.5 by default.</param>
    /// <param name="topK">Only the row's k largest predictions can be positive.</param>
    /// <param name="classId">Only this column counts.</param>
    public Recall(float? threshold = null, int? topK = null, int? classId = null)
        : base(threshold, topK, classId)
    {
    }

    /// <inheritdoc/>
    public override string Name => "recall";

    /// <inheritdoc/>
    public override double Result() => TruePositives + FalseNegatives == 0 ? 0 : TruePositives / (TruePositives + FalseNegatives);
}

using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>FBetaScore</c> (<c>keras/src/metrics/f_score_metrics.py</c>): per class,
/// <c>(1 + β²)·P·R / (β²·P + R)</c> from counts of thresholded predictions (without a threshold, the
/// row's largest prediction is the positive one), averaged as <see cref="Average"/> says. With no
/// average Keras returns one score per class; <see cref="Result"/> gives their mean (what Keras's
/// progress bar prints) and <see cref="ClassScores"/> the scores.
/// </summary>
public class FBetaScore : Metric
{
    private const double Epsilon = 1e-7;
    private double[] truePositives = Array.Empty<double>(), falsePositives = Array.Empty<double>();
    private double[] falseNegatives = Array.Empty<double>(), support = Array.Empty<double>(), scores = Array.Empty<double>();

    /// <summary>Creates the metric with Keras's defaults.</summary>
    /// <param name="average">null (per class), <c>"micro"</c>, <c>"macro"</c> or <c>"weighted"</c>.</param>
    /// <param name="beta">β &gt; 0: how much recall weighs against precision.</param>
    /// <param name="threshold">In (0, 1]: predictions above it are positive; null for the row's largest.</param>
    public FBetaScore(string? average = null, float beta = 1f, float? threshold = null)
    {
        if (average is not (null or "micro" or "macro" or "weighted"))
        {
            throw new ArgumentException($"average must be null, \"micro\", \"macro\" or \"weighted\", as in Keras; got \"{average}\".", nameof(average));
        }

        if (!(beta > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be > 0, as in Keras.");
        }

        if (threshold is { } t && !(t > 0 && t <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), t, "threshold must be in (0, 1], as in Keras.");
        }

        Average = average;
        Beta = beta;
        Threshold = threshold;
    }

    /// <summary>How the per-class scores are combined: null (not), micro, macro or weighted.</summary>
    public string? Average { get; }

    /// <summary>β.</summary>
    public float Beta { get; }

    /// <summary>Predictions above it are positive; null for the row's largest.</summary>
    public float? Threshold { get; }

    /// <inheritdoc/>
    public override string Name => "fbeta_score";

    /// <inheritdoc/>
    public override bool? HigherIsBetter => true;

    /// <summary>The per-class scores of the last <see cref="Result"/> (one value for micro averaging).</summary>
    public ReadOnlySpan<double> ClassScores => scores;

    /// <inheritdoc/>
    public override void Reset()
    {
        Array.Clear(truePositives);
        Array.Clear(falsePositives);
        Array.Clear(falseNegatives);
        Array.Clear(support);
    }

    /// <inheritdoc/>
    public override void Update(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, int rows, int cols, int labelsPerRow) =>
        Update(predictions, labels, ReadOnlySpan<float>.Empty, rows, cols, labelsPerRow);

    /// <inheritdoc/>
    public override void Update(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, ReadOnlySpan<float> rowWeights, int rows, int cols, int labelsPerRow)
    {
        ConfusionMetric.RequireLabelPerPrediction(Name, cols, labelsPerRow);
        int classes = Average == "micro" ? 1 : cols;
        if (truePositives.Length != classes)
        {
            (truePositives, falsePositives, falseNegatives, support, scores) = (new double[classes], new double[classes], new double[classes], new double[classes], new double[classes]);
        }

        for (int r = 0; r < rows; r++)
        {
            double weight = rowWeights.IsEmpty ? 1 : rowWeights[r];
            ReadOnlySpan<float> p = predictions.Slice(r * cols, cols), y = labels.Slice(r * cols, cols);
            float max = float.NegativeInfinity;
            foreach (float v in p)
            {
                max = Math.Max(max, v);
            }

            for (int j = 0; j < cols; j++)
            {
                double predicted = Threshold is { } t ? (p[j] > t ? 1 : 0) : (p[j] >= max && Math.Abs(p[j]) > 1e-9 ? 1 : 0);
                int k = classes == 1 ? 0 : j;
                truePositives[k] += weight * predicted * y[j];
                falsePositives[k] += weight * predicted * (1 - y[j]);
                falseNegatives[k] += weight * (1 - predicted) * y[j];
                support[k] += weight * y[j];
            }
        }
    }

    /// <inheritdoc/>
    public override double Result()
    {
        double beta2 = (double)Beta * Beta, sum = 0, weighted = 0, totalSupport = 0;
        for (int k = 0; k < scores.Length; k++)
        {
            double precision = truePositives[k] / (truePositives[k] + falsePositives[k] + Epsilon);
            double recall = truePositives[k] / (truePositives[k] + falseNegatives[k] + Epsilon);
            scores[k] = precision * recall / ((beta2 * precision) + recall + Epsilon) * (1 + beta2);
            sum += scores[k];
            weighted += scores[k] * support[k];
            totalSupport += support[k];
        }

        return scores.Length == 0 ? 0 : Average == "weighted" ? weighted / (totalSupport + Epsilon) : sum / scores.Length;
    }
}

/// <summary>Keras's <c>F1Score</c>: <see cref="FBetaScore"/> with β = 1.</summary>
public sealed class F1Score : FBetaScore
{
    /// <summary>Creates the metric with Keras's defaults.</summary>
    /// <param name="average">null (per class), <c>"micro"</c>, <c>"macro"</c> or <c>"weighted"</c>.</param>
    /// <param name="threshold">In (0, 1]: predictions above it are positive; null for the row's largest.</param>
    public F1Score(string? average = null, float? threshold = null)
        : base(average, 1f, threshold)
    {
    }

    /// <inheritdoc/>
    public override string Name => "f1_score";
}

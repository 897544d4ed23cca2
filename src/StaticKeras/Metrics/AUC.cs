using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>AUC</c> (<c>keras/src/metrics/confusion_metrics.py</c>): the area under the ROC or the
/// precision-recall curve, from confusion counts at <see cref="NumThresholds"/> evenly spaced
/// thresholds (the first just below 0, the last just above 1). Predictions are bucketed as Keras's
/// <c>_update_confusion_matrix_variables_optimized</c> does; the area is a Riemann sum with
/// Keras's <c>interpolation</c> (trapezoids for ROC, Davis and Goadrich's interpolation for PR),
/// <c>minoring</c> or <c>majoring</c> heights.
/// </summary>
public sealed class AUC : Metric
{
    // Weighted labels per bucket (the highest threshold a prediction is above), then the counts per threshold.
    private readonly double[] positiveBuckets, negativeBuckets;
    private readonly double[] truePositives, falsePositives, trueNegatives, falseNegatives;
    private readonly bool precisionRecall;
    private readonly int summation;

    /// <summary>Creates the metric with Keras's defaults.</summary>
    /// <param name="numThresholds">Thresholds of the curve; more than 1.</param>
    /// <param name="curve"><c>"ROC"</c> or <c>"PR"</c>.</param>
    /// <param name="summationMethod"><c>"interpolation"</c>, <c>"minoring"</c> or <c>"majoring"</c>.</param>
    /// <param name="fromLogits">Apply a sigmoid to the predictions first.</param>
    /// <param name="name">The log name; <c>auc</c> by default.</param>
    public AUC(int numThresholds = 200, string curve = "ROC", string summationMethod = "interpolation", bool fromLogits = false, string name = "auc")
    {
        if (numThresholds <= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(numThresholds), numThresholds, "AUC's numThresholds must be an integer > 1, as in Keras.");
        }

        precisionRecall = curve switch
        {
            "ROC" or "roc" => false,
            "PR" or "pr" => true,
            _ => throw new ArgumentException($"AUC's curve must be \"ROC\" or \"PR\"; got \"{curve}\".", nameof(curve)),
        };
        summation = summationMethod switch
        {
            "interpolation" or "Interpolation" => 0,
            "minoring" or "Minoring" => 1,
            "majoring" or "Majoring" => 2,
            _ => throw new ArgumentException($"AUC's summationMethod must be \"interpolation\", \"minoring\" or \"majoring\"; got \"{summationMethod}\".", nameof(summationMethod)),
        };
        NumThresholds = numThresholds;
        Curve = precisionRecall ? "PR" : "ROC";
        FromLogits = fromLogits;
        Name = name;
        positiveBuckets = new double[numThresholds];
        negativeBuckets = new double[numThresholds];
        truePositives = new double[numThresholds];
        falsePositives = new double[numThresholds];
        trueNegatives = new double[numThresholds];
        falseNegatives = new double[numThresholds];
    }

    /// <summary>Thresholds of the curve.</summary>
    public int NumThresholds { get; }

    /// <summary><c>ROC</c> or <c>PR</c>.</summary>
    public string Curve { get; }

    /// <summary>Whether a sigmoid is applied to the predictions first.</summary>
    public bool FromLogits { get; }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override bool? HigherIsBetter => true;

    /// <inheritdoc/>
    public override void Reset()
    {
        Array.Clear(positiveBuckets);
        Array.Clear(negativeBuckets);
    }

    /// <inheritdoc/>
    public override void Update(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, int rows, int cols, int labelsPerRow) =>
        Update(predictions, labels, ReadOnlySpan<float>.Empty, rows, cols, labelsPerRow);

    /// <inheritdoc/>
    public override void Update(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, ReadOnlySpan<float> rowWeights, int rows, int cols, int labelsPerRow)
    {
        ConfusionMetric.RequireLabelPerPrediction(Name, cols, labelsPerRow);
        for (int i = 0; i < rows * cols; i++)
        {
            double weight = rowWeights.IsEmpty ? 1 : rowWeights[i / cols];
            double p = FromLogits ? 1 / (1 + Math.Exp(-predictions[i])) : predictions[i];

            // Keras: bucket = ceil(clip(p, 0, 1)·(T − 1)) − 1, at least 0; the prediction is above
            // thresholds 0..bucket, so it counts as positive there and negative above.
            float clipped = Math.Clamp((float)p, 0f, 1f);
            int bucket = Math.Max((int)MathF.Ceiling(clipped * (NumThresholds - 1)) - 1, 0);
            (labels[i] != 0 ? positiveBuckets : negativeBuckets)[bucket] += weight;
        }
    }

    /// <inheritdoc/>
    public override double Result()
    {
        Count();
        return precisionRecall && summation == 0 ? InterpolatedPrecisionRecall() : Riemann();
    }

    /// <summary>The confusion counts at each threshold: a prediction in bucket b is positive at thresholds 0..b (Keras's reversed cumulative sum).</summary>
    private void Count()
    {
        double positives = 0, negatives = 0;
        for (int t = NumThresholds - 1; t >= 0; t--)
        {
            positives += positiveBuckets[t];
            negatives += negativeBuckets[t];
            truePositives[t] = positives;
            falsePositives[t] = negatives;
        }

        for (int t = 0; t < NumThresholds; t++)
        {
            falseNegatives[t] = positives - truePositives[t];
            trueNegatives[t] = negatives - falsePositives[t];
        }
    }

    private double Riemann()
    {
        double sum = 0;
        for (int t = 0; t < NumThresholds - 1; t++)
        {
            (double x0, double y0) = Point(t);
            (double x1, double y1) = Point(t + 1);
            double height = summation switch
            {
                0 => (y0 + y1) / 2,
                1 => Math.Min(y0, y1),
                _ => Math.Max(y0, y1),
            };
            sum += (x0 - x1) * height;
        }

        return sum;
    }

    /// <summary>The curve's point at threshold <paramref name="t"/>: (FPR, recall) for ROC, (recall, precision) for PR.</summary>
    private (double X, double Y) Point(int t)
    {
        double recall = NoNan(truePositives[t], truePositives[t] + falseNegatives[t]);
        return precisionRecall
            ? (recall, NoNan(truePositives[t], truePositives[t] + falsePositives[t]))
            : (NoNan(falsePositives[t], falsePositives[t] + trueNegatives[t]), recall);
    }

    /// <summary>Keras's <c>interpolate_pr_auc</c> (Davis and Goadrich 2006): precision interpolated between thresholds.</summary>
    private double InterpolatedPrecisionRecall()
    {
        double sum = 0;
        for (int t = 0; t < NumThresholds - 1; t++)
        {
            double dtp = truePositives[t] - truePositives[t + 1];
            double p0 = truePositives[t] + falsePositives[t], p1 = truePositives[t + 1] + falsePositives[t + 1];
            double slope = NoNan(dtp, Math.Max(p0 - p1, 0));
            double intercept = truePositives[t + 1] - (slope * p1);
            double ratio = p0 > 0 && p1 > 0 ? NoNan(p0, Math.Max(p1, 0)) : 1;
            sum += NoNan(slope * (dtp + (intercept * Math.Log(ratio))), Math.Max(truePositives[t + 1] + falseNegatives[t + 1], 0));
        }

        return sum;
    }

    private static double NoNan(double numerator, double denominator) => denominator == 0 ? 0 : numerator / denominator;
}

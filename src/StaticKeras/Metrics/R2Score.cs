using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>R2Score</c> (<c>keras/src/metrics/regression_metrics.py</c>), the coefficient of
/// determination per output column, <c>1 − Σw(y − p)² / (Σwy² − (Σwy)²/Σw)</c>, combined by
/// <c>uniform_average</c> or <c>variance_weighted_average</c>, and adjusted for
/// <see cref="NumRegressors"/> when given.
/// </summary>
public sealed class R2Score : Metric
{
    private double[] sum = Array.Empty<double>(), squaredSum = Array.Empty<double>(), residual = Array.Empty<double>(), count = Array.Empty<double>();
    private double samples;

    /// <summary>Creates the metric with Keras's defaults.</summary>
    /// <param name="classAggregation"><c>"uniform_average"</c> or <c>"variance_weighted_average"</c>.</param>
    /// <param name="numRegressors">Independent variables, for the adjusted R²; 0 for the plain one.</param>
    public R2Score(string classAggregation = "uniform_average", int numRegressors = 0)
    {
        if (classAggregation is not ("uniform_average" or "variance_weighted_average"))
        {
            throw new ArgumentException($"classAggregation must be \"uniform_average\" or \"variance_weighted_average\"; got \"{classAggregation}\".", nameof(classAggregation));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(numRegressors);
        ClassAggregation = classAggregation;
        NumRegressors = numRegressors;
    }

    /// <summary>How the columns' scores are combined.</summary>
    public string ClassAggregation { get; }

    /// <summary>Independent variables of the adjusted R².</summary>
    public int NumRegressors { get; }

    /// <inheritdoc/>
    public override string Name => "r2_score";

    /// <inheritdoc/>
    public override bool? HigherIsBetter => true;

    /// <inheritdoc/>
    public override void Reset()
    {
        Array.Clear(sum);
        Array.Clear(squaredSum);
        Array.Clear(residual);
        Array.Clear(count);
        samples = 0;
    }

    /// <inheritdoc/>
    public override void Update(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, int rows, int cols, int labelsPerRow) =>
        Update(predictions, labels, ReadOnlySpan<float>.Empty, rows, cols, labelsPerRow);

    /// <inheritdoc/>
    public override void Update(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, ReadOnlySpan<float> rowWeights, int rows, int cols, int labelsPerRow)
    {
        ConfusionMetric.RequireLabelPerPrediction(Name, cols, labelsPerRow);
        if (sum.Length != cols)
        {
            (sum, squaredSum, residual, count) = (new double[cols], new double[cols], new double[cols], new double[cols]);
        }

        for (int r = 0; r < rows; r++)
        {
            double w = rowWeights.IsEmpty ? 1 : rowWeights[r];
            for (int j = 0; j < cols; j++)
            {
                double y = labels[(r * cols) + j], d = y - predictions[(r * cols) + j];
                sum[j] += w * y;
                squaredSum[j] += w * y * y;
                residual[j] += w * d * d;
                count[j] += w;
            }

            samples += w != 0 ? 1 : 0;
        }
    }

    /// <inheritdoc/>
    public override double Result()
    {
        double total = 0, weightedScores = 0, variances = 0;
        for (int j = 0; j < sum.Length; j++)
        {
            double variance = squaredSum[j] - (sum[j] * (sum[j] / count[j]));
            double score = 1 - (residual[j] / variance);
            score = double.IsInfinity(score) ? 0 : score;
            total += score;
            weightedScores += variance * score;
            variances += variance;
        }

        double r2 = ClassAggregation == "uniform_average" ? total / sum.Length : weightedScores / variances;
        return NumRegressors == 0 || NumRegressors >= samples - 1 ? r2 : 1 - ((1 - r2) * (samples - 1) / (samples - NumRegressors - 1));
    }
}

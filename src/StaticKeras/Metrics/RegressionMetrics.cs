using System;

namespace StaticKeras;

/// <summary>Keras's <c>MeanSquaredError</c> metric (<c>keras/src/metrics/regression_metrics.py</c>): the mean of <c>(y − p)²</c>.</summary>
public sealed class MeanSquaredErrorMetric : MeanMetricWrapper
{
    /// <inheritdoc/>
    public override string Name => "mean_squared_error";

    /// <inheritdoc/>
    public override bool? HigherIsBetter => false;

    /// <inheritdoc/>
    protected override double RowValue(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels) => SquaredError(predictions, labels);

    /// <summary>The mean squared difference over a row.</summary>
    internal static double SquaredError(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels)
    {
        double sum = 0;
        for (int j = 0; j < predictions.Length; j++)
        {
            double d = predictions[j] - (double)labels[j];
            sum += d * d;
        }

        return sum / predictions.Length;
    }
}

/// <summary>Keras's <c>RootMeanSquaredError</c>: the square root of the running mean squared error.</summary>
public sealed class RootMeanSquaredError : MeanMetricWrapper
{
    /// <inheritdoc/>
    public override string Name => "root_mean_squared_error";

    /// <inheritdoc/>
    public override bool? HigherIsBetter => false;

    /// <inheritdoc/>
    protected override double RowValue(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels) => MeanSquaredErrorMetric.SquaredError(predictions, labels);

    /// <inheritdoc/>
    protected override double Finish(double mean) => Math.Sqrt(mean);
}

/// <summary>Keras's <c>MeanAbsoluteError</c> metric: the mean of <c>|y − p|</c>.</summary>
public sealed class MeanAbsoluteErrorMetric : MeanMetricWrapper
{
    /// <inheritdoc/>
    public override string Name => "mean_absolute_error";

    /// <inheritdoc/>
    public override bool? HigherIsBetter => false;

    /// <inheritdoc/>
    protected override double RowValue(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels)
    {
        double sum = 0;
        for (int j = 0; j < predictions.Length; j++)
        {
            sum += Math.Abs(predictions[j] - (double)labels[j]);
        }

        return sum / predictions.Length;
    }
}

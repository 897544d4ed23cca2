using StaticKeras.Testing;

namespace StaticKeras.Kernels.Tests.Metrics;

/// <summary>
/// The streaming metrics against Keras's definitions (<c>keras/src/metrics/*.py</c>): values over
/// two batches equal the value over their union, sample weights weigh rows, Reset starts over.
/// </summary>
public sealed class MetricTests
{
    private static double Run(Metric metric, float[] p, float[] y, int cols, float[]? weights = null, int labelsPerRow = -1)
    {
        labelsPerRow = labelsPerRow < 0 ? cols : labelsPerRow;
        int rows = p.Length / cols, half = rows / 2;
        metric.Reset();
        metric.Update(p.AsSpan(0, half * cols), y.AsSpan(0, half * labelsPerRow), weights is null ? default : weights.AsSpan(0, half), half, cols, labelsPerRow);
        metric.Update(p.AsSpan(half * cols), y.AsSpan(half * labelsPerRow), weights is null ? default : weights.AsSpan(half), rows - half, cols, labelsPerRow);
        return metric.Result();
    }

    [Fact]
    public void Accuracies_count_matches_as_keras()
    {
        float[] p = [0.1f, 0.7f, 0.2f, 0.5f, 0.3f, 0.2f, 0.2f, 0.3f, 0.5f, 0.4f, 0.35f, 0.25f];
        float[] oneHot = [0, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0], ids = [1, 1, 2, 0];
        Assert.Equal(0.75, Run(new CategoricalAccuracy(), p, oneHot, 3));
        Assert.Equal(0.75, Run(new SparseCategoricalAccuracy(), p, ids, 3, labelsPerRow: 1));
        Assert.Equal(1.0, Run(new TopKCategoricalAccuracy(k: 2), p, oneHot, 3));
        Assert.Equal(0.75, Run(new SparseTopKCategoricalAccuracy(k: 1), p, ids, 3, labelsPerRow: 1));
        Assert.Equal(0.5, Run(new BinaryAccuracy(threshold: 0.3f), [0.2f, 0.4f, 0.9f, 0.1f], [1, 1, 0, 0], 1));

        // Weighted: the second row (wrong) weighs 3, so 3/(1+3+1+1) of the weight is wrong.
        Assert.Equal(0.5, Run(new CategoricalAccuracy(), p, oneHot, 3, [1, 3, 1, 1]));
    }

    [Fact]
    public void Regression_metrics_follow_their_formulas()
    {
        float[] p = [1, 2, 3, 4], y = [1.5f, 2, 2, 5];
        Assert.Equal((0.25 + 0 + 1 + 1) / 4, Run(new MeanSquaredErrorMetric(), p, y, 1), 6);
        Assert.Equal(Math.Sqrt((0.25 + 0 + 1 + 1) / 4), Run(new RootMeanSquaredError(), p, y, 1), 6);
        Assert.Equal((0.5 + 0 + 1 + 1) / 4, Run(new MeanAbsoluteErrorMetric(), p, y, 1), 6);
        double mean = (1.5 + 2 + 2 + 5) / 4, total = new[] { 1.5, 2, 2, 5 }.Sum(v => (v - mean) * (v - mean));
        Assert.Equal(1 - (2.25 / total), Run(new R2Score(), p, y, 1), 6);
    }

    [Fact]
    public void Precision_recall_and_f1_count_thresholded_predictions()
    {
        float[] p = [0.9f, 0.6f, 0.4f, 0.2f, 0.7f, 0.1f], y = [1, 0, 1, 0, 1, 1];
        Assert.Equal(2.0 / 3, Run(new Precision(), p, y, 1), 6);
        Assert.Equal(2.0 / 4, Run(new Recall(), p, y, 1), 6);
        Assert.Equal(1.0, Run(new Precision(threshold: 0.8f), p, y, 1), 6);
        double precision = 2.0 / 3, recall = 0.5;
        Assert.Equal(2 * precision * recall / (precision + recall), Run(new F1Score(threshold: 0.5f), p, y, 1), 5);
        Assert.Equal(0.0, new Precision().Result());
    }

    [Theory]
    [InlineData("ROC")]
    [InlineData("PR")]
    public void Auc_equals_keras_thresholded_counts_and_the_exact_area(string curve)
    {
        float[] p = FiniteDifferences.Random(400, 3).Select(v => (v + 1) / 2).ToArray();
        float[] y = p.Select((v, i) => v + (0.6f * FiniteDifferences.Random(400, 4)[i]) > 0.5f ? 1f : 0f).ToArray();
        double auc = Run(new AUC(curve: curve), p, y, 1);
        Assert.Equal(NaiveKerasAuc(p, y, 200, curve), auc, 9);
        if (curve == "ROC")
        {
            Assert.Equal(ExactRocAuc(p, y), auc, 2);
        }
    }

    [Fact]
    public void Metrics_without_weight_support_say_so()
    {
        var error = Assert.Throws<NotSupportedException>(() => new CountingMetric().Update([1f], [1f], [2f], 1, 1, 1));
        Assert.Contains("does not take sample weights", error.Message);
    }

    /// <summary>Keras's unoptimised path: counts of <c>p &gt; threshold</c> at every threshold, then the Riemann sum or the PR interpolation.</summary>
    private static double NaiveKerasAuc(float[] p, float[] y, int n, string curve)
    {
        double[] thresholds = [.. new[] { -1e-7 }.Concat(Enumerable.Range(1, n - 2).Select(i => i / (double)(n - 1))).Append(1 + 1e-7)];
        var tp = thresholds.Select(t => p.Where((v, i) => v > (float)t && y[i] == 1).Count()).Select(c => (double)c).ToArray();
        var fp = thresholds.Select(t => p.Where((v, i) => v > (float)t && y[i] == 0).Count()).Select(c => (double)c).ToArray();
        double positives = y.Count(v => v == 1), negatives = y.Length - positives, sum = 0;
        for (int t = 0; t < n - 1; t++)
        {
            if (curve == "ROC")
            {
                sum += ((fp[t] / negatives) - (fp[t + 1] / negatives)) * ((tp[t] / positives) + (tp[t + 1] / positives)) / 2;
                continue;
            }

            double dtp = tp[t] - tp[t + 1], p0 = tp[t] + fp[t], p1 = tp[t + 1] + fp[t + 1];
            double slope = p0 - p1 > 0 ? dtp / (p0 - p1) : 0, intercept = tp[t + 1] - (slope * p1);
            double ratio = p0 > 0 && p1 > 0 ? p0 / p1 : 1;
            sum += slope * (dtp + (intercept * Math.Log(ratio))) / positives;
        }

        return sum;
    }

    private static double ExactRocAuc(float[] p, float[] y)
    {
        double wins = 0, pairs = 0;
        for (int i = 0; i < p.Length; i++)
        {
            for (int j = 0; j < p.Length; j++)
            {
                if (y[i] == 1 && y[j] == 0)
                {
                    wins += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0;
                    pairs++;
                }
            }
        }

        return wins / pairs;
    }

    private sealed class CountingMetric : Metric
    {
        public override string Name => "counting";

        public override void Reset()
        {
        }

        public override void Update(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, int rows, int cols, int labelsPerRow)
        {
        }

        public override double Result() => 0;
    }
}

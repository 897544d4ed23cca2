using StaticKeras.IntegrationTests.TestModels;
using StaticKeras.Testing;

namespace StaticKeras.IntegrationTests.Fit;

/// <summary>Fit's training steps allocate nothing with every callback, metric, schedule and option in use.</summary>
public sealed class FitAllocationTests
{
    [Fact]
    public void A_fit_step_allocates_nothing_with_every_callback_metric_and_schedule()
    {
        var model = new DropoutMlp(seed: 1);
        var optimizer = new Adam(new CosineDecay(1e-3f, 1000, warmupTarget: 2e-3f, warmupSteps: 10), amsgrad: true, clipNorm: 1f)
        {
            UseEma = true,
            EmaOverwriteFrequency = 7,
            GradientAccumulationSteps = 2,
        };
        Metric[] metrics = [Metrics.Accuracy, Metrics.CategoricalAccuracy, Metrics.TopKCategoricalAccuracy, Metrics.Precision, Metrics.Recall, Metrics.AUC, new AUC(curve: "PR", name: "pr_auc"), Metrics.F1Score, Metrics.MeanSquaredError, Metrics.RootMeanSquaredError, Metrics.MeanAbsoluteError, Metrics.R2Score];
        model.Compile(optimizer, new CategoricalCrossentropy(labelSmoothing: 0.1f), metrics);
        float[] x = FiniteDifferences.Random(400 * 20, 2);
        float[] y = Enumerable.Range(0, 400 * 3).Select(i => i % 3 == (i / 3) % 3 ? 1f : 0f).ToArray();
        var probe = new AllocationProbe();
        string csv = Path.GetTempFileName();
        Callback[] callbacks =
        [
            new EarlyStopping(monitor: "loss", patience: 100, restoreBestWeights: true), new ReduceLROnPlateau(monitor: "loss"),
            new TerminateOnNaN(), new CSVLogger(csv), new LambdaCallback { OnTrainBatchEndAction = (_, _) => { } }, probe,
        ];

        model.Fit(x, y, epochs: 2, batchSize: 16, verbose: 1, output: new StringWriter(), callbacks: callbacks, classWeight: new Dictionary<int, float> { [0] = 2f });
        File.Delete(csv);

        // Bytes allocated between batch 5 and the last batch of each epoch: the steps in between.
        Assert.Equal([0L, 0L], probe.StepBytes);
    }

    /// <summary>Reads the thread's allocation counter at batch 5 and at the epoch's last batch.</summary>
    private sealed class AllocationProbe : Callback
    {
        private long start;

        public List<long> StepBytes { get; } = new();

        public override void OnTrainBatchEnd(int batch, IReadOnlyDictionary<string, double> logs)
        {
            if (batch == 5)
            {
                start = GC.GetAllocatedBytesForCurrentThread();
            }
            else if (batch == 24)
            {
                StepBytes.Add(GC.GetAllocatedBytesForCurrentThread() - start);
            }
        }
    }
}

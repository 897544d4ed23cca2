using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using StaticKeras.Training;

namespace StaticKeras;

public abstract partial class Model
{
    private readonly TrainingLogs testBatchLogs = new();

    /// <summary>
    /// Keras's <c>evaluate</c>: the loss and every metric over the samples, computed in batches
    /// without training, with Keras's progress line. Keys are Keras's (<c>loss</c>, <c>accuracy</c>).
    /// </summary>
    /// <param name="x">Samples, row-major.</param>
    /// <param name="y">Targets.</param>
    /// <param name="batchSize">Samples per pass.</param>
    /// <param name="verbose">0: silent; 1: progress bar; 2: one line.</param>
    /// <param name="sampleWeight">One loss and metric weight per sample; none when null.</param>
    /// <param name="callbacks">Hooks called at the test points (begin, each batch, end).</param>
    /// <param name="output">Where progress goes; <see cref="Console.Out"/> when null.</param>
    /// <param name="cancellationToken">Stops after the current batch and throws <see cref="OperationCanceledException"/>.</param>
    public IReadOnlyDictionary<string, double> Evaluate(float[] x, float[] y, int batchSize = 32, int verbose = 1, float[]? sampleWeight = null, IReadOnlyList<Callback>? callbacks = null, TextWriter? output = null, CancellationToken cancellationToken = default) =>
        Evaluate([x], y, batchSize, verbose, sampleWeight, callbacks, output, cancellationToken);

    /// <summary>Keras's <c>evaluate</c> with integer class ids.</summary>
    /// <inheritdoc cref="Evaluate(float[], float[], int, int, float[], IReadOnlyList{Callback}?, TextWriter?, CancellationToken)"/>
    public IReadOnlyDictionary<string, double> Evaluate(float[] x, int[] y, int batchSize = 32, int verbose = 1, float[]? sampleWeight = null, IReadOnlyList<Callback>? callbacks = null, TextWriter? output = null, CancellationToken cancellationToken = default) =>
        Evaluate([x], ToFloat(y), batchSize, verbose, sampleWeight, callbacks, output, cancellationToken);

    /// <summary>Keras's <c>evaluate</c> for a model with several inputs and integer class ids.</summary>
    /// <inheritdoc cref="Evaluate(float[], float[], int, int, float[], IReadOnlyList{Callback}?, TextWriter?, CancellationToken)"/>
    public IReadOnlyDictionary<string, double> Evaluate(float[][] x, int[] y, int batchSize = 32, int verbose = 1, float[]? sampleWeight = null, IReadOnlyList<Callback>? callbacks = null, TextWriter? output = null, CancellationToken cancellationToken = default) =>
        Evaluate(x, ToFloat(y), batchSize, verbose, sampleWeight, callbacks, output, cancellationToken);

    /// <summary>Keras's <c>evaluate</c> for a model with several inputs.</summary>
    /// <inheritdoc cref="Evaluate(float[], float[], int, int, float[], IReadOnlyList{Callback}?, TextWriter?, CancellationToken)"/>
    public IReadOnlyDictionary<string, double> Evaluate(float[][] x, float[] y, int batchSize = 32, int verbose = 1, float[]? sampleWeight = null, IReadOnlyList<Callback>? callbacks = null, TextWriter? output = null, CancellationToken cancellationToken = default)
    {
        Loss loss = RequireLoss("Evaluate");
        CheckBatchSize(batchSize);
        SampleSet set = Samples(x, y, loss, "x", "y");
        if (sampleWeight is not null && sampleWeight.Length != set.Count)
        {
            throw new ArgumentException($"sampleWeight needs one weight per sample of x ({set.Count}); got {sampleWeight.Length}.", nameof(sampleWeight));
        }

        TextWriter writer = output ?? Console.Out;
        int steps = (set.Count + batchSize - 1) / batchSize;
        bool dynamic = ReferenceEquals(writer, Console.Out) && ProgressBar.ConsoleIsInteractive;
        var progress = verbose > 0 ? new ProgressBar(writer, steps, verbose, dynamic) : null;
        TrainingLogs results = EvaluateCore(set.WithWeights(sampleWeight), batchSize, loss, progress, new CallbackList(callbacks, this, writer), cancellationToken);
        var sorted = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, double> entry in results.Entries)
        {
            sorted[entry.Key] = entry.Value;
        }

        return sorted;
    }

    /// <summary>Loss and metrics over a sample set, with the inference pass and the test callbacks.</summary>
    private TrainingLogs EvaluateCore(SampleSet set, int batchSize, Loss loss, ProgressBar? progress, CallbackList callbacks, CancellationToken cancellationToken)
    {
        foreach (Metric metric in metrics)
        {
            metric.Reset();
        }

        callbacks.TestBegin();
        testBatchLogs.Clear();
        int labelsPerRow = loss.LabelsPerRow(OutputColumns);
        Span<float> xStage = InputStaging(batchSize), yStage = LabelStaging(batchSize * set.LabelsPerSample);
        var weightStage = new float[batchSize * RowsPerSample];
        double lossSum = 0;
        int steps = (set.Count + batchSize - 1) / batchSize;
        for (int step = 0; step < steps; step++)
        {
            callbacks.TestBatchBegin(step);
            int first = step * batchSize;
            int batch = Math.Min(batchSize, set.Count - first);
            ReadOnlySpan<float> x = set.Inputs(ReadOnlySpan<int>.Empty, first, batch, xStage);
            ReadOnlySpan<float> y = set.Labels(ReadOnlySpan<int>.Empty, first, batch, yStage);
            ReadOnlySpan<float> weights = set.RowWeights(ReadOnlySpan<int>.Empty, first, batch, RowsPerSample, weightStage);
            Span<float> output = PredictionBuffer(batch);
            RunInference(x, output, batch);
            int rows = batch * RowsPerSample;
            lossSum += (double)loss.Compute(output, y, weights, rows, OutputColumns) * batch;
            foreach (Metric metric in metrics)
            {
                metric.Update(output, y, weights, rows, OutputColumns, labelsPerRow);
            }

            Collect(testBatchLogs, lossSum / (first + batch));
            progress?.Update(step + 1, testBatchLogs.Entries, finalize: step == steps - 1);
            callbacks.TestBatchEnd(step, testBatchLogs);
            cancellationToken.ThrowIfCancellationRequested();
        }

        var results = new TrainingLogs();
        Collect(results, lossSum / set.Count);
        callbacks.TestEnd(results);
        return results;
    }

    /// <summary>The loss and metrics in Keras's log order (sorted by name).</summary>
    private void Collect(TrainingLogs logs, double meanLoss)
    {
        if (logs.Count == 0)
        {
            var names = new List<string>(metrics.Length + 1) { "loss" };
            foreach (Metric metric in metrics)
            {
                names.Add(metric.Name);
            }

            names.Sort(StringComparer.Ordinal);
            foreach (string name in names)
            {
                logs.Set(name, 0);
            }
        }

        logs.Set("loss", meanLoss);
        foreach (Metric metric in metrics)
        {
            logs.Set(metric.Name, metric.Result());
        }
    }
}

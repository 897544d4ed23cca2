using System;
using System.Collections.Generic;
using StaticKeras.Training;

namespace StaticKeras;

public abstract partial class Model
{
    /// <summary>
    /// Keras's <c>evaluate</c>: the loss and every metric over the samples, computed in batches
    /// without training. Keys are Keras's (<c>loss</c>, <c>accuracy</c>).
    /// </summary>
    /// <param name="x">Samples, row-major.</param>
    /// <param name="y">Targets.</param>
    /// <param name="batchSize">Samples per pass.</param>
    /// <param name="verbose">0: silent; 1: progress bar; 2: one line.</param>
    public IReadOnlyDictionary<string, double> Evaluate(float[] x, float[] y, int batchSize = 32, int verbose = 1) => Evaluate([x], y, batchSize, verbose);

    /// <summary>Keras's <c>evaluate</c> with integer class ids.</summary>
    /// <inheritdoc cref="Evaluate(float[], float[], int, int)"/>
    public IReadOnlyDictionary<string, double> Evaluate(float[] x, int[] y, int batchSize = 32, int verbose = 1) => Evaluate([x], ToFloat(y), batchSize, verbose);

    /// <summary>Keras's <c>evaluate</c> for a model with several inputs.</summary>
    /// <inheritdoc cref="Evaluate(float[], float[], int, int)"/>
    public IReadOnlyDictionary<string, double> Evaluate(float[][] x, float[] y, int batchSize = 32, int verbose = 1)
    {
        Loss loss = RequireLoss("Evaluate");
        CheckBatchSize(batchSize);
        SampleSet set = Samples(x, y, loss, "x", "y");
        int steps = (set.Count + batchSize - 1) / batchSize;
        var progress = verbose > 0 ? new ProgressBar(Console.Out, steps, verbose, ProgressBar.ConsoleIsInteractive) : null;
        return EvaluateCore(set, batchSize, loss, progress);
    }

    /// <summary>Loss and metrics over a sample set, with the inference pass.</summary>
    private SortedDictionary<string, double> EvaluateCore(SampleSet set, int batchSize, Loss loss, ProgressBar? progress)
    {
        foreach (Metric metric in metrics)
        {
            metric.Reset();
        }

        int labelsPerRow = loss.LabelsPerRow(OutputColumns);
        Span<float> xStage = InputStaging(batchSize);
        Span<float> yStage = LabelStaging(batchSize * set.LabelsPerSample);
        double lossSum = 0;
        int steps = (set.Count + batchSize - 1) / batchSize;
        var results = new SortedDictionary<string, double>(StringComparer.Ordinal);
        for (int step = 0; step < steps; step++)
        {
            int first = step * batchSize;
            int batch = Math.Min(batchSize, set.Count - first);
            ReadOnlySpan<float> x = set.Inputs(ReadOnlySpan<int>.Empty, first, batch, xStage);
            ReadOnlySpan<float> y = set.Labels(ReadOnlySpan<int>.Empty, first, batch, yStage);
            Span<float> output = PredictionBuffer(batch);
            ForwardInference(x, output, InferenceWorkspace(batch), batch);
            int rows = batch * RowsPerSample;
            lossSum += (double)loss.Compute(output, y, rows, OutputColumns) * batch;
            foreach (Metric metric in metrics)
            {
                metric.Update(output, y, rows, OutputColumns, labelsPerRow);
            }

            if (progress is not null)
            {
                Collect(results, lossSum / (first + batch));
                progress.Update(step + 1, new List<KeyValuePair<string, double>>(results), finalize: step == steps - 1);
            }
        }

        Collect(results, lossSum / set.Count);
        return results;
    }

    private void Collect(SortedDictionary<string, double> results, double meanLoss)
    {
        results["loss"] = meanLoss;
        foreach (Metric metric in metrics)
        {
            results[metric.Name] = metric.Result();
        }
    }
}

using System;
using System.Runtime.ExceptionServices;
using StaticKeras.Training;

namespace StaticKeras;

public abstract partial class Model
{
    private sealed partial class FitLoop
    {
        /// <summary>One epoch's batches; false when cancelled (after the batch in progress).</summary>
        private bool RunEpoch(ProgressBar progress)
        {
            foreach (Metric metric in model.metrics)
            {
                metric.Reset();
            }

            double lossSum = 0;
            int seen = 0;
            Span<float> xStage = model.InputStaging(settings.BatchSize);
            Span<float> yStage = model.LabelStaging(settings.BatchSize * train.LabelsPerSample);
            for (int step = 0; step < StepsPerEpoch; step++)
            {
                if (cursor >= batches)
                {
                    settings.Output.WriteLine("Your input ran out of data; interrupting training. Make sure that your data can generate at least stepsPerEpoch * epochs batches.");
                    break;
                }

                if (cursor == 0 && settings.Shuffle)
                {
                    Shuffle();
                }

                callbacks.TrainBatchBegin(step);
                int first = cursor++ * settings.BatchSize;
                int batch = Math.Min(settings.BatchSize, train.Count - first);
                if (!TrainBatch(first, batch, xStage, yStage, out float value, out InvalidOperationException? diverged))
                {
                    // Give the callbacks the bad loss (TerminateOnNaN); stop if one asks, else fail as TrainOnBatch does.
                    batchLogs.Set("loss", value);
                    callbacks.TrainBatchEnd(step, batchLogs);
                    if (!model.StopTraining)
                    {
                        ExceptionDispatchInfo.Throw(diverged!);
                    }

                    break;
                }

                lossSum += (double)value * batch;
                seen += batch;
                UpdateRunning(lossSum / seen);
                progress.Update(step + 1, running);
                callbacks.TrainBatchEnd(step, batchLogs);
                if (settings.CancellationToken.IsCancellationRequested)
                {
                    return false;
                }

                if (model.StopTraining)
                {
                    break;
                }
            }

            if (cursor >= batches)
            {
                cursor = 0;
            }

            return true;
        }

        /// <summary>One training step; false, with the error, when the loss was not finite and there are callbacks to tell.</summary>
        private bool TrainBatch(int first, int batch, Span<float> xStage, Span<float> yStage, out float value, out InvalidOperationException? diverged)
        {
            ReadOnlySpan<int> positions = order;
            ReadOnlySpan<float> x = train.Inputs(positions, first, batch, xStage);
            ReadOnlySpan<float> y = train.Labels(positions, first, batch, yStage);
            int rows = batch * model.RowsPerSample;
            ReadOnlySpan<float> weights = train.RowWeights(positions, first, batch, model.RowsPerSample, objective.WeightStage(rows));
            objective.UseWeights(weights.Length);
            diverged = null;
            try
            {
                value = model.TrainStep(x, y, batch, objective, updateMetrics: false);
                return true;
            }
            catch (InvalidOperationException error) when (objective.NonFinite && !callbacks.IsEmpty)
            {
                (value, diverged) = (float.NaN, error);
                return false;
            }
        }

        private void Shuffle()
        {
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            model.ShuffleRandom.Shuffle(order);
        }
    }
}

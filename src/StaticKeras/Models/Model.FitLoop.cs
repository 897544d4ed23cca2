using System;
using System.Collections.Generic;
using System.IO;
using StaticKeras.Training;

namespace StaticKeras;

public abstract partial class Model
{
    /// <summary>One call of <c>Fit</c>: the epoch loop, its progress output, validation and callbacks.</summary>
    private sealed class FitLoop
    {
        private readonly Model model;
        private readonly Loss loss;
        private readonly SampleSet train;
        private readonly SampleSet? validation;
        private readonly int batchSize;
        private readonly bool shuffle;
        private readonly int verbose;
        private readonly IReadOnlyList<Callback> callbacks;
        private readonly TextWriter output = Console.Out;
        private readonly List<KeyValuePair<string, double>> running = new();
        private readonly Dictionary<string, double> batchLogs = new();

        public FitLoop(Model model, Loss loss, SampleSet train, SampleSet? validation, int batchSize, bool shuffle, int verbose, IReadOnlyList<Callback> callbacks)
        {
            this.model = model;
            this.loss = loss;
            this.train = train;
            this.validation = validation;
            this.batchSize = batchSize;
            this.shuffle = shuffle;
            this.verbose = verbose;
            this.callbacks = callbacks;
        }

        public History Run(int initialEpoch, int epochs)
        {
            var history = new History();
            model.StopTraining = false;
            foreach (Callback callback in callbacks)
            {
                callback.Model = model;
                callback.OnTrainBegin();
            }

            int[] order = shuffle ? new int[train.Count] : Array.Empty<int>();
            for (int epoch = initialEpoch; epoch < epochs && !model.StopTraining; epoch++)
            {
                if (verbose > 0)
                {
                    ProgressBar.WriteEpochHeader(output, epoch + 1, epochs);
                }

                foreach (Callback callback in callbacks)
                {
                    callback.OnEpochBegin(epoch);
                }

                SortedDictionary<string, double> logs = RunEpoch(order);
                foreach (Callback callback in callbacks)
                {
                    callback.OnEpochEnd(epoch, logs);
                }

                history.Record(epoch, logs);
            }

            foreach (Callback callback in callbacks)
            {
                callback.OnTrainEnd();
            }

            return history;
        }

        private SortedDictionary<string, double> RunEpoch(int[] order)
        {
            int steps = (train.Count + batchSize - 1) / batchSize;
            var progress = new ProgressBar(output, steps, verbose, ProgressBar.ConsoleIsInteractive);
            foreach (Metric metric in model.metrics)
            {
                metric.Reset();
            }

            if (shuffle)
            {
                for (int i = 0; i < order.Length; i++)
                {
                    order[i] = i;
                }

                model.ShuffleRandom.Shuffle(order);
            }

            double lossSum = 0;
            int seen = 0;
            Span<float> xStage = model.InputStaging(batchSize);
            Span<float> yStage = model.LabelStaging(batchSize * train.LabelsPerSample);
            for (int step = 0; step < steps; step++)
            {
                int first = step * batchSize;
                int batch = Math.Min(batchSize, train.Count - first);
                ReadOnlySpan<float> x = train.Inputs(order, first, batch, xStage);
                ReadOnlySpan<float> y = train.Labels(order, first, batch, yStage);
                lossSum += (double)model.TrainStep(x, y, batch, loss, updateMetrics: true) * batch;
                seen += batch;
                UpdateRunning(lossSum / seen);
                progress.Update(step + 1, running);
                if (callbacks.Count > 0)
                {
                    foreach (KeyValuePair<string, double> entry in running)
                    {
                        batchLogs[entry.Key] = entry.Value;
                    }

                    foreach (Callback callback in callbacks)
                    {
                        callback.OnTrainBatchEnd(step, batchLogs);
                    }
                }
            }

            var logs = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, double> entry in running)
            {
                logs[entry.Key] = entry.Value;
            }

            var shown = new List<KeyValuePair<string, double>>(logs);
            if (validation is { } set)
            {
                foreach (KeyValuePair<string, double> entry in model.EvaluateCore(set, batchSize, loss, progress: null))
                {
                    logs["val_" + entry.Key] = entry.Value;
                    shown.Add(new KeyValuePair<string, double>("val_" + entry.Key, entry.Value));
                }
            }

            progress.Update(steps, shown, finalize: true);
            return logs;
        }

        /// <summary>The running loss and metrics, sorted by name as Keras prints them.</summary>
        private void UpdateRunning(double meanLoss)
        {
            running.Clear();
            running.Add(new KeyValuePair<string, double>("loss", meanLoss));
            foreach (Metric metric in model.metrics)
            {
                running.Add(new KeyValuePair<string, double>(metric.Name, metric.Result()));
            }

            running.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        }
    }
}

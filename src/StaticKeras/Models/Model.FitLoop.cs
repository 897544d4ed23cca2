using System;
using System.Collections.Generic;
using StaticKeras.Training;

namespace StaticKeras;

public abstract partial class Model
{
    /// <summary>One call of <c>Fit</c>: the epoch loop, its progress output, validation and callbacks, as Keras's trainer <c>fit</c>.</summary>
    private sealed partial class FitLoop
    {
        private readonly Model model;
        private readonly Loss loss;
        private readonly SampleSet train;
        private readonly SampleSet? validation;
        private readonly FitSettings settings;
        private readonly CallbackList callbacks;
        private readonly BatchObjective objective;
        private readonly List<KeyValuePair<string, double>> running = new();
        private readonly TrainingLogs batchLogs = new();
        private readonly int[] order;
        private readonly int batches;

        // Keras's epoch iterator with steps_per_epoch: the next epoch continues from this batch.
        private int cursor;

        public FitLoop(Model model, Loss loss, SampleSet train, SampleSet? validation, FitSettings settings, IReadOnlyList<Callback>? callbacks)
        {
            this.model = model;
            this.loss = loss;
            this.train = train;
            this.validation = validation;
            this.settings = settings;
            this.callbacks = new CallbackList(callbacks, model, settings.Output);
            objective = new BatchObjective(loss, model.metrics);
            order = settings.Shuffle ? new int[train.Count] : Array.Empty<int>();
            batches = (train.Count + settings.BatchSize - 1) / settings.BatchSize;
        }

        private int StepsPerEpoch => settings.StepsPerEpoch ?? batches;

        public History Run()
        {
            var history = new History();
            model.History = history;
            model.StopTraining = false;
            callbacks.TrainBegin();
            bool cancelled = false;
            TrainingLogs? logs = null;

            // A callback that restored a backup (BackupAndRestore) says where training resumes.
            int start = model.ResumeEpoch ?? settings.InitialEpoch;
            model.ResumeEpoch = null;
            for (int epoch = start; epoch < settings.Epochs && !model.StopTraining && !cancelled; epoch++)
            {
                if (settings.Verbose > 0)
                {
                    ProgressBar.WriteEpochHeader(settings.Output, epoch + 1, settings.Epochs);
                }

                callbacks.EpochBegin(epoch);
                var progress = new ProgressBar(settings.Output, StepsPerEpoch, settings.Verbose, Dynamic);
                cancelled = !RunEpoch(progress);
                if (cancelled)
                {
                    break;
                }

                logs = EndEpoch(epoch, progress);
                history.Record(epoch, logs);
            }

            if (!cancelled && settings.Epochs > 0)
            {
                model.BeginWeightWrite();
                try
                {
                    model.Optimizer!.FinalizeVariableValues(model.Parameters);
                }
                finally
                {
                    model.EndWeightWrite();
                }
            }

            callbacks.TrainEnd();
            settings.CancellationToken.ThrowIfCancellationRequested();
            return history;
        }

        /// <summary>Redraw in place only on an interactive console, as Keras's progress bar.</summary>
        private bool Dynamic => ReferenceEquals(settings.Output, Console.Out) && ProgressBar.ConsoleIsInteractive;

        /// <summary>Validation (when due), the epoch-end callbacks, then the progress bar's last line, as Keras's order.</summary>
        private TrainingLogs EndEpoch(int epoch, ProgressBar progress)
        {
            var logs = new TrainingLogs();
            foreach (KeyValuePair<string, double> entry in running)
            {
                logs.Set(entry.Key, entry.Value);
            }

            if (validation is { } set && (epoch + 1) % settings.ValidationFreq == 0)
            {
                foreach (KeyValuePair<string, double> entry in model.EvaluateCore(set, settings.BatchSize, loss, null, callbacks, settings.CancellationToken))
                {
                    logs.Set("val_" + entry.Key, entry.Value);
                }
            }

            callbacks.EpochEnd(epoch, logs);
            progress.Update(StepsPerEpoch, logs.Entries, finalize: true);
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
            foreach (KeyValuePair<string, double> entry in running)
            {
                batchLogs.Set(entry.Key, entry.Value);
            }
        }
    }
}

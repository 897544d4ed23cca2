using System;
using System.Collections.Generic;
using System.Globalization;

namespace StaticKeras;

/// <summary>
/// Keras's <c>LearningRateScheduler</c> (<c>keras/src/callbacks/learning_rate_scheduler.py</c>): before
/// each epoch sets the learning rate to <c>schedule(epoch, currentRate)</c>, and logs it as
/// <c>learning_rate</c> after the epoch.
/// </summary>
public sealed class LearningRateScheduler : Callback
{
    private readonly Func<int, float, float> schedule;

    /// <summary>Creates the callback.</summary>
    /// <param name="schedule">The new rate from the 0-based epoch and the current rate.</param>
    /// <param name="verbose">1 prints each new rate.</param>
    public LearningRateScheduler(Func<int, float, float> schedule, int verbose = 0)
    {
        this.schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
        Verbose = verbose;
    }

    /// <summary>1 prints each new rate.</summary>
    public int Verbose { get; }

    /// <inheritdoc/>
    public override void OnEpochBegin(int epoch)
    {
        Optimizer optimizer = Model?.Optimizer ?? throw new InvalidOperationException("LearningRateScheduler needs a compiled model.");
        float rate = schedule(epoch, optimizer.LearningRate);
        if (!float.IsFinite(rate))
        {
            throw new InvalidOperationException($"LearningRateScheduler's schedule returned {rate} for epoch {epoch}; it must return a finite learning rate.");
        }

        optimizer.LearningRate = rate;
        if (Verbose > 0)
        {
            Output.WriteLine($"\nEpoch {epoch + 1}: LearningRateScheduler setting learning rate to {rate.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs) =>
        (logs as TrainingLogs)?.Set("learning_rate", Model!.Optimizer!.LearningRate);
}

/// <summary>
/// Keras's <c>TerminateOnNaN</c> (<c>keras/src/callbacks/terminate_on_nan.py</c>): stops training when a
/// batch's loss is NaN or infinite. The step that produced it is not applied (Fit checks the loss
/// before the update), so the weights stay those of the last finite step.
/// </summary>
public sealed class TerminateOnNaN : Callback
{
    /// <summary>Creates the callback.</summary>
    /// <param name="raiseError">Throw instead of stopping gracefully.</param>
    public TerminateOnNaN(bool raiseError = false) => RaiseError = raiseError;

    /// <summary>Whether to throw instead of stopping gracefully.</summary>
    public bool RaiseError { get; }

    /// <inheritdoc/>
    public override void OnTrainBatchEnd(int batch, IReadOnlyDictionary<string, double> logs)
    {
        if (!logs.TryGetValue("loss", out double loss) || double.IsFinite(loss))
        {
            return;
        }

        if (RaiseError)
        {
            throw new InvalidOperationException($"NaN or Inf loss encountered at batch {batch}. Loss value: {loss}. Terminating training immediately.");
        }

        Output.WriteLine($"Batch {batch}: Invalid loss, terminating training");
        Model!.StopTraining = true;
    }
}

/// <summary>
/// Keras's <c>LambdaCallback</c>: a callback built from delegates, for one-off hooks
/// (<c>new LambdaCallback { OnEpochEndAction = (e, logs) => ... }</c>).
/// </summary>
public sealed class LambdaCallback : Callback
{
    /// <summary>Called at the start of every epoch.</summary>
    public Action<int>? OnEpochBeginAction { get; init; }

    /// <summary>Called at the end of every epoch with its logs.</summary>
    public Action<int, IReadOnlyDictionary<string, double>>? OnEpochEndAction { get; init; }

    /// <summary>Called before every training batch.</summary>
    public Action<int>? OnTrainBatchBeginAction { get; init; }

    /// <summary>Called after every training batch with the running logs.</summary>
    public Action<int, IReadOnlyDictionary<string, double>>? OnTrainBatchEndAction { get; init; }

    /// <summary>Called when training starts.</summary>
    public Action? OnTrainBeginAction { get; init; }

    /// <summary>Called when training ends.</summary>
    public Action? OnTrainEndAction { get; init; }

    /// <inheritdoc/>
    public override void OnEpochBegin(int epoch) => OnEpochBeginAction?.Invoke(epoch);

    /// <inheritdoc/>
    public override void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs) => OnEpochEndAction?.Invoke(epoch, logs);

    /// <inheritdoc/>
    public override void OnTrainBatchBegin(int batch) => OnTrainBatchBeginAction?.Invoke(batch);

    /// <inheritdoc/>
    public override void OnTrainBatchEnd(int batch, IReadOnlyDictionary<string, double> logs) => OnTrainBatchEndAction?.Invoke(batch, logs);

    /// <inheritdoc/>
    public override void OnTrainBegin() => OnTrainBeginAction?.Invoke();

    /// <inheritdoc/>
    public override void OnTrainEnd() => OnTrainEndAction?.Invoke();
}

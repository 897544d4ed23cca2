using System;
using System.Collections.Generic;
using System.IO;

namespace StaticKeras;

/// <summary>
/// Keras's <c>Callback</c> (<c>keras/src/callbacks/callback.py</c>): hooks that <c>Fit</c> and
/// <c>Evaluate</c> call at Keras's points: training, each epoch and each training batch; the
/// evaluation (test) run and its batches, whether from <c>Evaluate</c> or Fit's validation; and
/// prediction. Override what you need; set <see cref="Model.StopTraining"/> to stop training.
/// Logs are a <see cref="TrainingLogs"/> that the caller reuses: copy what you keep.
/// </summary>
public abstract class Callback
{
    /// <summary>The model being trained (set before <see cref="OnTrainBegin"/>).</summary>
    public Model? Model { get; internal set; }

    /// <summary>Where Fit writes its progress (its <c>output</c> argument): callbacks' messages go there too.</summary>
    public TextWriter Output { get; internal set; } = Console.Out;

    /// <summary>Called once before the first epoch.</summary>
    public virtual void OnTrainBegin()
    {
    }

    /// <summary>Called once after the last epoch (also when cancelled), with the last epoch's logs.</summary>
    public virtual void OnTrainEnd()
    {
    }

    /// <summary>Called before each epoch (0-based).</summary>
    /// <param name="epoch">The epoch.</param>
    public virtual void OnEpochBegin(int epoch)
    {
    }

    /// <summary>Called after each epoch with its logs (<c>loss</c>, metrics, <c>val_*</c>); a callback may add values (<see cref="TrainingLogs.Set"/>).</summary>
    /// <param name="epoch">The epoch.</param>
    /// <param name="logs">The epoch's logs.</param>
    public virtual void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs)
    {
    }

    /// <summary>Called before each training batch (0-based within the epoch).</summary>
    /// <param name="batch">The batch.</param>
    public virtual void OnTrainBatchBegin(int batch)
    {
    }

    /// <summary>Called after each training batch with the epoch's running loss and metrics.</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="logs">The running values.</param>
    public virtual void OnTrainBatchEnd(int batch, IReadOnlyDictionary<string, double> logs)
    {
    }

    /// <summary>Called when an evaluation starts (<c>Evaluate</c>, or Fit's validation).</summary>
    public virtual void OnTestBegin()
    {
    }

    /// <summary>Called when an evaluation ends, with its results.</summary>
    /// <param name="logs">The evaluation's loss and metrics.</param>
    public virtual void OnTestEnd(IReadOnlyDictionary<string, double> logs)
    {
    }

    /// <summary>Called before each evaluation batch.</summary>
    /// <param name="batch">The batch.</param>
    public virtual void OnTestBatchBegin(int batch)
    {
    }

    /// <summary>Called after each evaluation batch with the running loss and metrics.</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="logs">The running values.</param>
    public virtual void OnTestBatchEnd(int batch, IReadOnlyDictionary<string, double> logs)
    {
    }

    /// <summary>Called when a prediction run starts.</summary>
    public virtual void OnPredictBegin()
    {
    }

    /// <summary>Called when a prediction run ends.</summary>
    public virtual void OnPredictEnd()
    {
    }

    /// <summary>Called before each prediction batch.</summary>
    /// <param name="batch">The batch.</param>
    public virtual void OnPredictBatchBegin(int batch)
    {
    }

    /// <summary>Called after each prediction batch.</summary>
    /// <param name="batch">The batch.</param>
    public virtual void OnPredictBatchEnd(int batch)
    {
    }
}

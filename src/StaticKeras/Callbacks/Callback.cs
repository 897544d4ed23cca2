using System.Collections.Generic;

namespace StaticKeras;

/// <summary>
/// Keras's <c>Callback</c>: hooks <c>Fit</c> calls at the start and end of training, of each
/// epoch and of each batch. Override what you need; set <see cref="Model.StopTraining"/> to stop.
/// </summary>
public abstract class Callback
{
    /// <summary>The model being trained (set before <see cref="OnTrainBegin"/>).</summary>
    public Model? Model { get; internal set; }

    /// <summary>Called once before the first epoch.</summary>
    public virtual void OnTrainBegin()
    {
    }

    /// <summary>Called once after the last epoch.</summary>
    public virtual void OnTrainEnd()
    {
    }

    /// <summary>Called before each epoch (0-based).</summary>
    public virtual void OnEpochBegin(int epoch)
    {
    }

    /// <summary>Called after each epoch with its logs (<c>loss</c>, metrics, <c>val_*</c>).</summary>
    public virtual void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs)
    {
    }

    /// <summary>Called after each training batch with the epoch's running loss and metrics (a reused dictionary: copy what you keep).</summary>
    public virtual void OnTrainBatchEnd(int batch, IReadOnlyDictionary<string, double> logs)
    {
    }
}

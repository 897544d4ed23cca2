using System.Collections.Generic;

namespace StaticKeras;

/// <summary>
/// Keras's <c>EarlyStopping</c> (<c>keras/src/callbacks/early_stopping.py</c>): stops training when
/// <see cref="MonitorCallback.Monitor"/> has not improved by more than
/// <see cref="MonitorCallback.MinDelta"/> for <see cref="Patience"/> epochs. An improvement resets
/// the wait only once it also beats <see cref="Baseline"/>. With <see cref="RestoreBestWeights"/>, the
/// weights of the best epoch are put back when training ends.
/// </summary>
public sealed class EarlyStopping : MonitorCallback
{
    private IReadOnlyList<float[]>? bestWeights;
    private int wait;

    /// <summary>Creates the callback with Keras's defaults.</summary>
    /// <param name="monitor">The logged value to watch.</param>
    /// <param name="minDelta">The smallest change that counts as an improvement.</param>
    /// <param name="patience">Epochs without improvement before stopping.</param>
    /// <param name="verbose">1 prints when it stops and restores.</param>
    /// <param name="mode"><c>"min"</c>, <c>"max"</c>, or <c>"auto"</c> (from the metric's direction).</param>
    /// <param name="baseline">A value the monitor must beat before the wait resets; none when null.</param>
    /// <param name="restoreBestWeights">Put back the weights of the best epoch when training ends.</param>
    /// <param name="startFromEpoch">Epochs to wait before watching.</param>
    public EarlyStopping(string monitor = "val_loss", double minDelta = 0, int patience = 0, int verbose = 0, string mode = "auto", double? baseline = null, bool restoreBestWeights = false, int startFromEpoch = 0)
        : base(monitor, mode, minDelta)
    {
        Patience = patience;
        Verbose = verbose;
        Baseline = baseline;
        RestoreBestWeights = restoreBestWeights;
        StartFromEpoch = startFromEpoch;
    }

    /// <summary>Epochs without improvement before stopping.</summary>
    public int Patience { get; }

    /// <summary>1 prints when it stops and restores.</summary>
    public int Verbose { get; }

    /// <summary>A value the monitor must beat before the wait resets.</summary>
    public double? Baseline { get; }

    /// <summary>Whether to restore the best epoch's weights when training ends.</summary>
    public bool RestoreBestWeights { get; }

    /// <summary>Epochs to wait before watching.</summary>
    public int StartFromEpoch { get; }

    /// <summary>The epoch training stopped after (0-based), or 0 when it did not stop, as Keras's <c>stopped_epoch</c>.</summary>
    public int StoppedEpoch { get; private set; }

    /// <summary>The best epoch so far (0-based).</summary>
    public int BestEpoch { get; private set; }

    /// <inheritdoc/>
    public override void OnTrainBegin()
    {
        wait = 0;
        StoppedEpoch = 0;
        Best = null;
        bestWeights = null;
        BestEpoch = 0;
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs)
    {
        if (epoch < StartFromEpoch || Model is null || MonitorValue(logs) is not { } current)
        {
            return;
        }

        if (RestoreBestWeights && bestWeights is null)
        {
            // Keras keeps the first watched epoch's weights, so there is always something to restore.
            (bestWeights, BestEpoch) = (Model.GetWeights(), epoch);
        }

        wait++;
        if (IsImprovement(current, Best))
        {
            (Best, BestEpoch) = (current, epoch);
            if (RestoreBestWeights)
            {
                bestWeights = Model.GetWeights();
            }

            if (Baseline is null || IsImprovement(current, Baseline))
            {
                wait = 0;
            }

            return;
        }

        if (wait >= Patience && epoch > 0)
        {
            StoppedEpoch = epoch;
            Model.StopTraining = true;
        }
    }

    /// <inheritdoc/>
    public override void OnTrainEnd()
    {
        if (StoppedEpoch > 0 && Verbose > 0)
        {
            Output.WriteLine($"Epoch {StoppedEpoch + 1}: early stopping");
        }

        if (RestoreBestWeights && bestWeights is not null && Model is not null)
        {
            if (Verbose > 0)
            {
                Output.WriteLine($"Restoring model weights from the end of the best epoch: {BestEpoch + 1}.");
            }

            Model.SetWeights(bestWeights);
        }
    }
}

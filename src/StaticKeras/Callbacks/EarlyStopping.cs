using System;
using System.Collections.Generic;

namespace StaticKeras;

/// <summary>
/// Keras's <c>EarlyStopping</c>: stops training when <see cref="Monitor"/> has not improved by
/// more than <see cref="MinDelta"/> for <see cref="Patience"/> epochs, optionally restoring the
/// best weights.
/// </summary>
public sealed class EarlyStopping : Callback
{
    private double best;
    private int wait;
    private IReadOnlyList<float[]>? bestWeights;

    /// <summary>Creates the callback with Keras's defaults.</summary>
    /// <param name="monitor">The logged value to watch.</param>
    /// <param name="minDelta">The smallest change that counts as an improvement.</param>
    /// <param name="patience">Epochs without improvement before stopping.</param>
    /// <param name="mode"><c>"min"</c>, <c>"max"</c>, or <c>"auto"</c> (max for accuracy-like names, else min).</param>
    /// <param name="restoreBestWeights">Put back the weights of the best epoch when stopping.</param>
    /// <param name="startFromEpoch">Epochs to wait before watching.</param>
    public EarlyStopping(string monitor = "val_loss", double minDelta = 0, int patience = 0, string mode = "auto", bool restoreBestWeights = false, int startFromEpoch = 0)
    {
        Monitor = monitor;
        MinDelta = Math.Abs(minDelta);
        Patience = patience;
        RestoreBestWeights = restoreBestWeights;
        StartFromEpoch = startFromEpoch;
        Maximize = mode switch
        {
            "min" => false,
            "max" => true,
            "auto" => monitor.EndsWith("accuracy", StringComparison.Ordinal) || monitor.EndsWith("auc", StringComparison.Ordinal),
            _ => throw new ArgumentException($"mode must be \"min\", \"max\" or \"auto\"; got \"{mode}\".", nameof(mode)),
        };
    }

    /// <summary>The logged value watched.</summary>
    public string Monitor { get; }

    /// <summary>The smallest change that counts as an improvement.</summary>
    public double MinDelta { get; }

    /// <summary>Epochs without improvement before stopping.</summary>
    public int Patience { get; }

    /// <summary>Whether to restore the best epoch's weights when stopping.</summary>
    public bool RestoreBestWeights { get; }

    /// <summary>Epochs to wait before watching.</summary>
    public int StartFromEpoch { get; }

    /// <summary>Whether larger is better.</summary>
    public bool Maximize { get; }

    /// <summary>The epoch training stopped after (0-based), or -1.</summary>
    public int StoppedEpoch { get; private set; } = -1;

    /// <inheritdoc/>
    public override void OnTrainBegin()
    {
        best = Maximize ? double.NegativeInfinity : double.PositiveInfinity;
        wait = 0;
        bestWeights = null;
        StoppedEpoch = -1;
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs)
    {
        if (epoch < StartFromEpoch || Model is null)
        {
            return;
        }

        if (!logs.TryGetValue(Monitor, out double current))
        {
            throw new InvalidOperationException($"EarlyStopping monitors '{Monitor}', but Fit logged only {string.Join(", ", logs.Keys)}. Monitor one of those (val_* needs validation data).");
        }

        bool improved = Maximize ? current - MinDelta > best : current + MinDelta < best;
        if (improved)
        {
            best = current;
            wait = 0;
            if (RestoreBestWeights)
            {
                bestWeights = Model.GetWeights();
            }

            return;
        }

        wait++;
        if (wait >= Patience && epoch > 0)
        {
            StoppedEpoch = epoch;
            Model.StopTraining = true;
            if (RestoreBestWeights && bestWeights is not null)
            {
                Model.SetWeights(bestWeights);
            }
        }
    }
}

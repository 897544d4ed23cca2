using System;
using System.Collections.Generic;
using System.Globalization;

namespace StaticKeras;

/// <summary>
/// Keras's <c>ReduceLROnPlateau</c> (<c>keras/src/callbacks/reduce_lr_on_plateau.py</c>): multiplies the
/// learning rate by <see cref="Factor"/> (down to <see cref="MinLearningRate"/>) when
/// <see cref="MonitorCallback.Monitor"/> has not improved for <see cref="Patience"/> epochs, then waits
/// <see cref="Cooldown"/> epochs. Adds <c>learning_rate</c> to each epoch's logs, as Keras does.
/// </summary>
public sealed class ReduceLROnPlateau : MonitorCallback
{
    private int wait;
    private int cooldownCounter;

    /// <summary>Creates the callback with Keras's defaults.</summary>
    /// <param name="monitor">The logged value to watch.</param>
    /// <param name="factor">The factor, below 1.</param>
    /// <param name="patience">Epochs without improvement before reducing.</param>
    /// <param name="verbose">1 prints each reduction.</param>
    /// <param name="mode"><c>"min"</c>, <c>"max"</c> or <c>"auto"</c>.</param>
    /// <param name="minDelta">The smallest change that counts as an improvement.</param>
    /// <param name="cooldown">Epochs to wait after a reduction.</param>
    /// <param name="minLearningRate">The lowest rate (Keras's <c>min_lr</c>).</param>
    public ReduceLROnPlateau(string monitor = "val_loss", float factor = 0.1f, int patience = 10, int verbose = 0, string mode = "auto", double minDelta = 1e-4, int cooldown = 0, float minLearningRate = 0f)
        : base(monitor, mode, minDelta)
    {
        if (!(factor < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "ReduceLROnPlateau does not support a factor >= 1.0, as in Keras.");
        }

        Factor = factor;
        Patience = patience;
        Verbose = verbose;
        Cooldown = cooldown;
        MinLearningRate = minLearningRate;
    }

    /// <summary>The factor each reduction multiplies the rate by.</summary>
    public float Factor { get; }

    /// <summary>Epochs without improvement before reducing.</summary>
    public int Patience { get; }

    /// <summary>1 prints each reduction.</summary>
    public int Verbose { get; }

    /// <summary>Epochs to wait after a reduction.</summary>
    public int Cooldown { get; }

    /// <summary>The lowest rate.</summary>
    public float MinLearningRate { get; }

    /// <inheritdoc/>
    public override void OnTrainBegin()
    {
        Best = null;
        wait = 0;
        cooldownCounter = 0;
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs)
    {
        Optimizer optimizer = Model?.Optimizer ?? throw new InvalidOperationException("ReduceLROnPlateau needs a compiled model.");
        (logs as TrainingLogs)?.Set("learning_rate", optimizer.LearningRate);
        if (MonitorValue(logs) is not { } current)
        {
            return;
        }

        if (cooldownCounter > 0)
        {
            cooldownCounter--;
            wait = 0;
        }

        if (IsImprovement(current, Best))
        {
            Best = current;
            wait = 0;
        }
        else if (cooldownCounter <= 0 && ++wait >= Patience && optimizer.LearningRate > MinLearningRate)
        {
            float reduced = Math.Max(optimizer.LearningRate * Factor, MinLearningRate);
            optimizer.LearningRate = reduced;
            if (Verbose > 0)
            {
                Output.WriteLine($"\nEpoch {epoch + 1}: ReduceLROnPlateau reducing learning rate to {reduced.ToString(CultureInfo.InvariantCulture)}.");
            }

            cooldownCounter = Cooldown;
            wait = 0;
        }
    }
}

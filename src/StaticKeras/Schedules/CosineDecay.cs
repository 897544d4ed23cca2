using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>CosineDecay</c> with its optional linear warm-up: during the first
/// <see cref="WarmupSteps"/> the rate rises linearly from the initial rate to
/// <see cref="WarmupTarget"/>; then it follows <c>from · ((1 − α) · ½(1 + cos(π·t/decaySteps)) + α)</c>,
/// <c>t</c> capped at <c>decaySteps</c>, from the warm-up target (or the initial rate without warm-up)
/// (<c>keras/src/optimizers/schedules/learning_rate_schedule.py</c>).
/// </summary>
public sealed class CosineDecay : LearningRateSchedule
{
    /// <summary>Creates the schedule with Keras's arguments and defaults.</summary>
    /// <param name="initialLearningRate">The rate at step 0.</param>
    /// <param name="decaySteps">Steps of the cosine decay; must be positive.</param>
    /// <param name="alpha">The final rate as a fraction of the rate the decay starts from.</param>
    /// <param name="warmupTarget">The rate the warm-up reaches; no warm-up when null.</param>
    /// <param name="warmupSteps">Steps of the linear warm-up.</param>
    public CosineDecay(float initialLearningRate, long decaySteps, float alpha = 0f, float? warmupTarget = null, long warmupSteps = 0)
    {
        RequirePositive(decaySteps, nameof(decaySteps), nameof(CosineDecay));
        InitialLearningRate = initialLearningRate;
        DecaySteps = decaySteps;
        Alpha = alpha;
        WarmupTarget = warmupTarget;
        WarmupSteps = warmupSteps;
    }

    /// <summary>The rate at step 0.</summary>
    public float InitialLearningRate { get; }

    /// <summary>Steps of the cosine decay.</summary>
    public long DecaySteps { get; }

    /// <summary>The final rate as a fraction of the decay's starting rate.</summary>
    public float Alpha { get; }

    /// <summary>The rate the warm-up reaches; null for none.</summary>
    public float? WarmupTarget { get; }

    /// <summary>Steps of the linear warm-up.</summary>
    public long WarmupSteps { get; }

    /// <inheritdoc/>
    public override string Name => nameof(CosineDecay);

    /// <inheritdoc/>
    public override float Compute(long step)
    {
        if (WarmupTarget is not { } target)
        {
            return Decay(Math.Min(step, DecaySteps), InitialLearningRate);
        }

        double s = Math.Min(step, DecaySteps + WarmupSteps);
        if (s < WarmupSteps)
        {
            return (float)(((target - (double)InitialLearningRate) * (s / WarmupSteps)) + InitialLearningRate);
        }

        return Decay(s - WarmupSteps, target);
    }

    private float Decay(double step, double from)
    {
        double cosine = 0.5 * (1 + Math.Cos(Math.PI * step / DecaySteps));
        return (float)(from * (((1 - Alpha) * cosine) + Alpha));
    }
}

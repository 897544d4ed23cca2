using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>ExponentialDecay</c>: <c>lr = initial · rate^(step / decaySteps)</c>, with the exponent
/// floored when <see cref="Staircase"/> (<c>keras/src/optimizers/schedules/learning_rate_schedule.py</c>).
/// </summary>
public sealed class ExponentialDecay : LearningRateSchedule
{
    /// <summary>Creates the schedule with Keras's arguments.</summary>
    /// <param name="initialLearningRate">The rate at step 0.</param>
    /// <param name="decaySteps">Steps for one factor of <paramref name="decayRate"/>; must be positive.</param>
    /// <param name="decayRate">The factor per <paramref name="decaySteps"/>.</param>
    /// <param name="staircase">Decay in whole steps of <paramref name="decaySteps"/>.</param>
    public ExponentialDecay(float initialLearningRate, long decaySteps, float decayRate, bool staircase = false)
    {
        RequirePositive(decaySteps, nameof(decaySteps), nameof(ExponentialDecay));
        InitialLearningRate = initialLearningRate;
        DecaySteps = decaySteps;
        DecayRate = decayRate;
        Staircase = staircase;
    }

    /// <summary>The rate at step 0.</summary>
    public float InitialLearningRate { get; }

    /// <summary>Steps for one factor of <see cref="DecayRate"/>.</summary>
    public long DecaySteps { get; }

    /// <summary>The factor per <see cref="DecaySteps"/>.</summary>
    public float DecayRate { get; }

    /// <summary>Whether the exponent is floored.</summary>
    public bool Staircase { get; }

    /// <inheritdoc/>
    public override string Name => nameof(ExponentialDecay);

    /// <inheritdoc/>
    public override float Compute(long step)
    {
        double p = (double)step / DecaySteps;
        return (float)(InitialLearningRate * Math.Pow(DecayRate, Staircase ? Math.Floor(p) : p));
    }
}

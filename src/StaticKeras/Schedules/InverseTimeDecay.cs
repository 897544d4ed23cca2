using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>InverseTimeDecay</c>: <c>lr = initial / (1 + rate · step / decaySteps)</c>, the quotient
/// floored when <see cref="Staircase"/> (<c>keras/src/optimizers/schedules/learning_rate_schedule.py</c>).
/// </summary>
public sealed class InverseTimeDecay : LearningRateSchedule
{
    /// <summary>Creates the schedule with Keras's arguments.</summary>
    /// <param name="initialLearningRate">The rate at step 0.</param>
    /// <param name="decaySteps">How often to apply the decay; must be positive.</param>
    /// <param name="decayRate">The decay rate.</param>
    /// <param name="staircase">Decay in whole steps of <paramref name="decaySteps"/>.</param>
    public InverseTimeDecay(float initialLearningRate, long decaySteps, float decayRate, bool staircase = false)
    {
        RequirePositive(decaySteps, nameof(decaySteps), nameof(InverseTimeDecay));
        InitialLearningRate = initialLearningRate;
        DecaySteps = decaySteps;
        DecayRate = decayRate;
        Staircase = staircase;
    }

    /// <summary>The rate at step 0.</summary>
    public float InitialLearningRate { get; }

    /// <summary>How often the decay applies.</summary>
    public long DecaySteps { get; }

    /// <summary>The decay rate.</summary>
    public float DecayRate { get; }

    /// <summary>Whether <c>step / decaySteps</c> is floored.</summary>
    public bool Staircase { get; }

    /// <inheritdoc/>
    public override string Name => nameof(InverseTimeDecay);

    /// <inheritdoc/>
    public override float Compute(long step)
    {
        double p = (double)step / DecaySteps;
        return (float)(InitialLearningRate / (1 + (DecayRate * (Staircase ? Math.Floor(p) : p))));
    }
}

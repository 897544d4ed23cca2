using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>PolynomialDecay</c>: <c>lr = (initial − end) · (1 − step / decaySteps)^power + end</c>, with
/// the step capped at <c>decaySteps</c>, or, when <see cref="Cycle"/>, <c>decaySteps</c> stretched to the
/// first multiple above the step (<c>keras/src/optimizers/schedules/learning_rate_schedule.py</c>).
/// </summary>
public sealed class PolynomialDecay : LearningRateSchedule
{
    /// <summary>Creates the schedule with Keras's arguments and defaults.</summary>
    /// <param name="initialLearningRate">The rate at step 0.</param>
    /// <param name="decaySteps">Steps to reach <paramref name="endLearningRate"/>; must be positive.</param>
    /// <param name="endLearningRate">The final rate.</param>
    /// <param name="power">The polynomial's power.</param>
    /// <param name="cycle">Restart beyond <paramref name="decaySteps"/>.</param>
    public PolynomialDecay(float initialLearningRate, long decaySteps, float endLearningRate = 0.0001f, float power = 1f, bool cycle = false)
    {
        RequirePositive(decaySteps, nameof(decaySteps), nameof(PolynomialDecay));
        InitialLearningRate = initialLearningRate;
        DecaySteps = decaySteps;
        EndLearningRate = endLearningRate;
        Power = power;
        Cycle = cycle;
    }

    /// <summary>The rate at step 0.</summary>
    public float InitialLearningRate { get; }

    /// <summary>Steps to reach <see cref="EndLearningRate"/>.</summary>
    public long DecaySteps { get; }

    /// <summary>The final rate.</summary>
    public float EndLearningRate { get; }

    /// <summary>The polynomial's power.</summary>
    public float Power { get; }

    /// <summary>Whether the decay restarts beyond <see cref="DecaySteps"/>.</summary>
    public bool Cycle { get; }

    /// <inheritdoc/>
    public override string Name => nameof(PolynomialDecay);

    /// <inheritdoc/>
    public override float Compute(long step)
    {
        double s = step, decay = DecaySteps;
        if (Cycle)
        {
            decay *= step == 0 ? 1 : Math.Ceiling(s / DecaySteps);
        }
        else
        {
            s = Math.Min(s, decay);
        }

        return (float)(((InitialLearningRate - (double)EndLearningRate) * Math.Pow(1 - (s / decay), Power)) + EndLearningRate);
    }
}

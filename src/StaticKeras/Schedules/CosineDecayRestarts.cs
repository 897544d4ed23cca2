using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>CosineDecayRestarts</c> (SGDR): cosine decays that restart, the i-th lasting
/// <c>firstDecaySteps · tMul^i</c> steps and starting from <c>initial · mMul^i</c>; within one,
/// <c>lr = initial · ((1 − α) · ½ mMul^i (1 + cos(π·f)) + α)</c> for the completed fraction <c>f</c>
/// (<c>keras/src/optimizers/schedules/learning_rate_schedule.py</c>).
/// </summary>
public sealed class CosineDecayRestarts : LearningRateSchedule
{
    /// <summary>Creates the schedule with Keras's arguments and defaults.</summary>
    /// <param name="initialLearningRate">The rate at step 0.</param>
    /// <param name="firstDecaySteps">Steps of the first decay; must be positive.</param>
    /// <param name="tMul">How much longer each decay lasts than the one before.</param>
    /// <param name="mMul">How much lower each decay starts than the one before.</param>
    /// <param name="alpha">The final rate as a fraction of the initial rate.</param>
    public CosineDecayRestarts(float initialLearningRate, long firstDecaySteps, float tMul = 2f, float mMul = 1f, float alpha = 0f)
    {
        RequirePositive(firstDecaySteps, nameof(firstDecaySteps), nameof(CosineDecayRestarts));
        InitialLearningRate = initialLearningRate;
        FirstDecaySteps = firstDecaySteps;
        TMul = tMul;
        MMul = mMul;
        Alpha = alpha;
    }

    /// <summary>The rate at step 0.</summary>
    public float InitialLearningRate { get; }

    /// <summary>Steps of the first decay.</summary>
    public long FirstDecaySteps { get; }

    /// <summary>Each decay's length over the one before.</summary>
    public float TMul { get; }

    /// <summary>Each decay's starting rate over the one before.</summary>
    public float MMul { get; }

    /// <summary>The final rate as a fraction of the initial rate.</summary>
    public float Alpha { get; }

    /// <inheritdoc/>
    public override string Name => nameof(CosineDecayRestarts);

    /// <inheritdoc/>
    public override float Compute(long step)
    {
        double fraction = (double)step / FirstDecaySteps, restart;
        if (TMul == 1f)
        {
            restart = Math.Floor(fraction);
            fraction -= restart;
        }
        else
        {
            // The decays so far sum to (1 − tMul^i) / (1 − tMul) first-decay lengths.
            restart = Math.Floor(Math.Log(1 - (fraction * (1 - TMul))) / Math.Log(TMul));
            double done = (1 - Math.Pow(TMul, restart)) / (1 - TMul);
            fraction = (fraction - done) / Math.Pow(TMul, restart);
        }

        double cosine = 0.5 * Math.Pow(MMul, restart) * (1 + Math.Cos(Math.PI * fraction));
        return (float)(InitialLearningRate * (((1 - Alpha) * cosine) + Alpha));
    }
}

using System;
using System.Collections.Generic;

namespace StaticKeras;

/// <summary>
/// Keras's <c>PiecewiseConstantDecay</c>: <c>values[0]</c> while <c>step ≤ boundaries[0]</c>,
/// <c>values[i]</c> while <c>boundaries[i−1] &lt; step ≤ boundaries[i]</c>, and the last value after the
/// last boundary (<c>keras/src/optimizers/schedules/learning_rate_schedule.py</c>).
/// </summary>
public sealed class PiecewiseConstantDecay : LearningRateSchedule
{
    private readonly long[] boundaries;
    private readonly float[] values;

    /// <summary>Creates the schedule.</summary>
    /// <param name="boundaries">Strictly increasing step boundaries.</param>
    /// <param name="values">One more value than boundaries: the rate in each interval.</param>
    public PiecewiseConstantDecay(IReadOnlyList<long> boundaries, IReadOnlyList<float> values)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        ArgumentNullException.ThrowIfNull(values);
        if (boundaries.Count != values.Count - 1)
        {
            throw new ArgumentException($"PiecewiseConstantDecay needs one more value than boundaries, as in Keras; got {boundaries.Count} boundaries and {values.Count} values.", nameof(values));
        }

        for (int i = 1; i < boundaries.Count; i++)
        {
            if (boundaries[i] <= boundaries[i - 1])
            {
                throw new ArgumentException($"PiecewiseConstantDecay boundaries must increase strictly, but boundary {i} ({boundaries[i]}) is not above boundary {i - 1} ({boundaries[i - 1]}).", nameof(boundaries));
            }
        }

        this.boundaries = [.. boundaries];
        this.values = [.. values];
    }

    /// <summary>The step boundaries.</summary>
    public IReadOnlyList<long> Boundaries => boundaries;

    /// <summary>The rate of each interval.</summary>
    public IReadOnlyList<float> Values => values;

    /// <inheritdoc/>
    public override string Name => nameof(PiecewiseConstantDecay);

    /// <inheritdoc/>
    public override float Compute(long step)
    {
        int i = 0;
        while (i < boundaries.Length && step > boundaries[i])
        {
            i++;
        }

        return values[i];
    }
}

using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>keras.optimizers.schedules.LearningRateSchedule</c>: the learning rate as a function
/// of the optimizer step, passed to an optimizer in place of a number
/// (<c>new SGD(learningRate: new ExponentialDecay(0.1f, 1000, 0.96f))</c>). A plain number converts
/// to a constant rate, so <c>new Adam(learningRate: 1e-3f)</c> is a constant learning rate as before.
/// Subclass it for a custom schedule.
/// </summary>
/// <remarks>
/// As in Keras (<c>keras/src/optimizers/base_optimizer.py</c>, <c>_get_current_learning_rate</c>),
/// the optimizer evaluates the schedule at its raw step counter before each update: 0 for the
/// first update.
/// </remarks>
public abstract class LearningRateSchedule
{
    /// <summary>Keras's class name of the schedule (<c>ExponentialDecay</c>).</summary>
    public abstract string Name { get; }

    /// <summary>A constant learning rate.</summary>
    /// <param name="learningRate">The rate, for example 1e-3f.</param>
    public static implicit operator LearningRateSchedule(float learningRate) => new ConstantLearningRate(learningRate);

    /// <summary>A constant learning rate given as a double (<c>1e-3</c>), as Keras users write it.</summary>
    /// <param name="learningRate">The rate.</param>
    public static implicit operator LearningRateSchedule(double learningRate) => new ConstantLearningRate((float)learningRate);

    /// <summary>The learning rate at optimizer step <paramref name="step"/> (0-based).</summary>
    /// <param name="step">Updates applied before this one.</param>
    public abstract float Compute(long step);

    /// <summary>Throws the exception Keras raises for a decay length that is not positive.</summary>
    private protected static void RequirePositive(long steps, string name, string schedule)
    {
        if (steps <= 0)
        {
            throw new ArgumentOutOfRangeException(name, steps, $"{schedule}: {name} must be > 0 (steps over which the rate decays), as in Keras.");
        }
    }
}

/// <summary>A learning rate that does not change: what a plain number passed as <c>learningRate</c> becomes.</summary>
internal sealed class ConstantLearningRate : LearningRateSchedule
{
    public ConstantLearningRate(float value) => Value = value;

    public float Value { get; }

    public override string Name => "Constant";

    public override float Compute(long step) => Value;
}

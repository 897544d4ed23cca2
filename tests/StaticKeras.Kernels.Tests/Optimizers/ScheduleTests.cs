namespace StaticKeras.Kernels.Tests.Optimizers;

/// <summary>The learning-rate schedules against Keras's formulas (<c>learning_rate_schedule.py</c>) and its documented examples.</summary>
public sealed class ScheduleTests
{
    [Fact]
    public void Exponential_and_inverse_time_decay_follow_their_formulas()
    {
        Assert.Equal(0.1 * Math.Pow(0.96, 2.5), new ExponentialDecay(0.1f, 10, 0.96f).Compute(25), 6);
        Assert.Equal(0.1 * Math.Pow(0.96, 2), new ExponentialDecay(0.1f, 10, 0.96f, staircase: true).Compute(25), 6);
        Assert.Equal(0.1 / (1 + (0.5 * 2.5)), new InverseTimeDecay(0.1f, 10, 0.5f).Compute(25), 6);
        Assert.Equal(0.1 / (1 + (0.5 * 2)), new InverseTimeDecay(0.1f, 10, 0.5f, staircase: true).Compute(25), 6);
    }

    [Fact]
    public void Piecewise_constant_is_inclusive_at_each_boundary()
    {
        // Keras's docstring: 1.0 up to step 100000, 0.5 up to 110000, then 0.1.
        var schedule = new PiecewiseConstantDecay([100000, 110000], [1f, 0.5f, 0.1f]);
        Assert.Equal([1f, 1f, 0.5f, 0.5f, 0.1f], new long[] { 0, 100000, 100001, 110000, 110001 }.Select(schedule.Compute));
        Assert.Contains("one more value", Assert.Throws<ArgumentException>(() => new PiecewiseConstantDecay([1], [1f])).Message);
    }

    [Fact]
    public void Polynomial_decay_caps_or_cycles()
    {
        var linear = new PolynomialDecay(0.1f, 100, endLearningRate: 0.01f);
        Assert.Equal(0.1 - (0.09 * 0.25), linear.Compute(25), 6);
        Assert.Equal(0.01, linear.Compute(500), 6);
        var cycling = new PolynomialDecay(0.1f, 100, endLearningRate: 0.01f, power: 0.5f, cycle: true);
        Assert.Equal((0.09 * Math.Sqrt(1 - (150.0 / 200))) + 0.01, cycling.Compute(150), 6);
        Assert.Equal(0.1, cycling.Compute(0), 6);
    }

    [Fact]
    public void Cosine_decay_warms_up_linearly_then_decays_from_the_target()
    {
        var plain = new CosineDecay(0.1f, 100, alpha: 0.1f);
        Assert.Equal(0.1 * ((0.9 * 0.5 * (1 + Math.Cos(Math.PI * 0.25))) + 0.1), plain.Compute(25), 6);
        Assert.Equal(0.01, plain.Compute(1000), 6);
        var warm = new CosineDecay(0f, 100, warmupTarget: 0.2f, warmupSteps: 10);
        Assert.Equal(0.1, warm.Compute(5), 6);
        Assert.Equal(0.2, warm.Compute(10), 6);
        Assert.Equal(0.2 * 0.5 * (1 + Math.Cos(Math.PI * 0.5)), warm.Compute(60), 6);
    }

    [Fact]
    public void Cosine_decay_restarts_lengthens_and_lowers_each_period()
    {
        var schedule = new CosineDecayRestarts(1f, 10, tMul: 2f, mMul: 0.5f);
        Assert.Equal(0.5 * (1 + Math.Cos(Math.PI * 0.5)), schedule.Compute(5), 6);

        // The second period starts at step 10, lasts 20 steps and starts at half the rate.
        Assert.Equal(0.5, schedule.Compute(10), 5);
        Assert.Equal(0.5 * 0.5 * (1 + Math.Cos(Math.PI * 0.5)), schedule.Compute(20), 5);
        var even = new CosineDecayRestarts(1f, 10, tMul: 1f);
        Assert.Equal(even.Compute(3), even.Compute(13), 6);
    }

    [Fact]
    public void Non_positive_decay_steps_are_rejected_as_keras_does()
    {
        Assert.Contains("decaySteps must be > 0", Assert.Throws<ArgumentOutOfRangeException>(() => new CosineDecay(0.1f, 0)).Message);
    }
}

using StaticKeras.Testing;

namespace StaticKeras.Kernels.Tests.Optimizers;

/// <summary>
/// The options every optimizer shares, against <c>keras/src/optimizers/base_optimizer.py</c>:
/// schedules evaluated at the step counter, gradient accumulation, the moving average of the weights.
/// </summary>
public sealed class OptimizerOptionTests
{
    private static float[] Gradient(int step) => FiniteDifferences.Random(5, 40 + step);

    [Fact]
    public void A_schedule_is_evaluated_at_the_step_before_each_update()
    {
        var schedule = new ExponentialDecay(0.1f, decaySteps: 1, decayRate: 0.5f);
        var sgd = new SGD(learningRate: schedule);
        OptimizerUpdateTests.Build(sgd, 5);
        float[] w = new float[5];
        double[] expected = new double[5];
        for (int step = 0; step < 3; step++)
        {
            Assert.Equal(0.1f * MathF.Pow(0.5f, step), sgd.LearningRate);
            float[] g = Gradient(step);
            for (int i = 0; i < 5; i++)
            {
                expected[i] -= 0.1 * Math.Pow(0.5, step) * g[i];
            }

            sgd.Apply(w, g);
        }

        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(expected[i], w[i], 6));
        Assert.Contains("not settable", Assert.Throws<InvalidOperationException>(() => sgd.LearningRate = 1f).Message);
    }

    [Fact]
    public void Gradient_accumulation_updates_every_n_batches_with_the_mean_gradient()
    {
        var accumulating = new SGD(learningRate: 0.1f) { GradientAccumulationSteps = 3 };
        OptimizerUpdateTests.Build(accumulating, 5);
        float[] w = new float[5];
        for (int step = 0; step < 2; step++)
        {
            accumulating.Apply(w, Gradient(step));
            Assert.All(w, v => Assert.Equal(0f, v));
        }

        accumulating.Apply(w, Gradient(2));
        for (int i = 0; i < 5; i++)
        {
            double mean = (Gradient(0)[i] + Gradient(1)[i] + Gradient(2)[i]) / 3.0;
            Assert.Equal(-0.1 * mean, w[i], 6);
        }

        Assert.Equal(1, accumulating.Iterations);
        Assert.Equal(3, accumulating.Variables[0].IntegerValue);
        Assert.All(accumulating.Variables.Single(v => v.Name.EndsWith("gradient_accumulator", StringComparison.Ordinal)).Values.ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Ema_averages_the_weights_and_overwrites_them_at_its_frequency()
    {
        var sgd = new SGD(learningRate: 0.1f) { UseEma = true, EmaMomentum = 0.5f, EmaOverwriteFrequency = 3 };
        OptimizerUpdateTests.Build(sgd, 5);
        float[] w = new float[5];
        double[] weight = new double[5], average = new double[5];
        for (int step = 0; step < 3; step++)
        {
            float[] g = Gradient(step);
            sgd.Apply(w, g);
            for (int i = 0; i < 5; i++)
            {
                weight[i] -= 0.1 * g[i];
                double m = step == 0 ? 0 : 0.5;
                average[i] = (m * average[i]) + ((1 - m) * weight[i]);
            }

            if (step < 2)
            {
                Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(weight[i], w[i], 6));
            }
        }

        // The third update is a multiple of the frequency: the weights become their average.
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(average[i], w[i], 6));
    }

    [Fact]
    public void Finalize_writes_the_average_into_the_weights()
    {
        var adam = new Adam { UseEma = true };
        OptimizerUpdateTests.Build(adam, 5);
        float[] w = FiniteDifferences.Random(5, 1);
        adam.Apply(w, Gradient(0));
        adam.Apply(w, Gradient(1));
        float[] average = adam.Variables.Single(v => v.Name == "layer0_kernel_average").Values.ToArray();
        Assert.NotEqual(average, w);
        adam.FinalizeVariableValues(w);
        Assert.Equal(average, w);
    }

    [Fact]
    public void Weight_decay_skips_excluded_weights()
    {
        var sgd = new SGD(learningRate: 0.1f, weightDecay: 0.5f);
        sgd.ExcludeFromWeightDecay("layer1");
        OptimizerUpdateTests.Build(sgd, 1, 1);
        float[] w = [1, 1];
        sgd.Apply(w, [0, 0]);
        Assert.Equal([0.95f, 1f], w);
    }
}

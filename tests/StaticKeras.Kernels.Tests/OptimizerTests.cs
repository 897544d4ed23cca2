namespace StaticKeras.Kernels.Tests;

/// <summary>Optimizer updates against Keras's formulas, written out in double precision.</summary>
public sealed class OptimizerTests
{
    private static readonly float[] Gradient = [0.5f, -1.5f, 2f, 0.25f];

    private static float[] Step(Optimizer optimizer, float[] weights, float[] gradient, int steps = 1)
    {
        optimizer.Build(weights.Length, [new WeightDefinition("layer", "w", [weights.Length], 0, "zeros", 1, 1)]);
        for (int i = 0; i < steps; i++)
        {
            optimizer.Apply(weights, (float[])gradient.Clone());
        }

        return weights;
    }

    [Fact]
    public void Sgd_without_momentum_subtracts_lr_times_gradient()
    {
        float[] w = Step(new SGD(learningRate: 0.1f), [1, 2, 3, 4], Gradient);
        Assert.Equal([0.95f, 2.15f, 2.8f, 3.975f], w);
    }

    [Fact]
    public void Rmsprop_follows_the_keras_update_for_two_steps()
    {
        float[] w = Step(new RMSprop(learningRate: 0.01f, rho: 0.9f), [1, 2, 3, 4], Gradient, steps: 2);
        for (int i = 0; i < w.Length; i++)
        {
            double g = Gradient[i], weight = i + 1, v = 0;
            for (int t = 0; t < 2; t++)
            {
                v = (0.9 * v) + (0.1 * g * g);
                weight -= 0.01 * g / Math.Sqrt(v + 1e-7);
            }

            Assert.Equal(weight, w[i], 5);
        }
    }

    [Fact]
    public void AdamW_decays_weights_before_the_adam_update()
    {
        float[] adam = Step(new Adam(learningRate: 0.01f), [1, 2, 3, 4], Gradient);
        float[] adamW = Step(new AdamW(learningRate: 0.01f, weightDecay: 0.1f), [1, 2, 3, 4], Gradient);
        for (int i = 0; i < adam.Length; i++)
        {
            // w·(1 − wd·lr), then the same Adam step (which does not depend on w).
            Assert.Equal((i + 1) * (1 - (0.1 * 0.01)) + (adam[i] - (i + 1)), adamW[i], 5);
        }
    }

    [Fact]
    public void Clipping_options_clip_as_keras()
    {
        float[] byValue = Step(new SGD(learningRate: 1f, clipValue: 1f), [0, 0, 0, 0], Gradient);
        Assert.Equal([-0.5f, 1f, -1f, -0.25f], byValue);

        float norm = MathF.Sqrt(Gradient.Sum(g => g * g));
        float[] byNorm = Step(new SGD(learningRate: 1f, clipNorm: 1f), [0, 0, 0, 0], Gradient);
        for (int i = 0; i < Gradient.Length; i++)
        {
            Assert.Equal(-Gradient[i] / norm, byNorm[i], 5);
        }

        float[] byGlobal = Step(new SGD(learningRate: 1f, globalClipNorm: 100f), [0, 0, 0, 0], Gradient);
        Assert.Equal(Gradient.Select(g => -g), byGlobal);
    }

    [Fact]
    public void Invalid_options_are_rejected_with_the_reason()
    {
        Assert.Contains("at most one", Assert.Throws<ArgumentException>(() => new Adam(clipNorm: 1, clipValue: 1)).Message);
        Assert.Contains("learning rate", Assert.Throws<ArgumentOutOfRangeException>(() => new SGD(learningRate: 0)).Message);
    }
}

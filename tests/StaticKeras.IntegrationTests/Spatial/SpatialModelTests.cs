using StaticKeras.IntegrationTests.Preprocessing;
using StaticKeras.IntegrationTests.TestModels;
using StaticKeras.Testing;

namespace StaticKeras.IntegrationTests.Spatial;

/// <summary>The pooling, reshaping and noise layers in generated models: gradients, allocation, training-only noise.</summary>
public sealed class SpatialModelTests
{
    public static TheoryData<string> Trainable() => new() { nameof(ImagePooling), nameof(SequencePooling), nameof(ImageReshaping), nameof(SequenceReshaping), nameof(Noisy) };

    private static Model Create(string name, int seed) => name switch
    {
        nameof(ImagePooling) => new ImagePooling(seed),
        nameof(SequencePooling) => new SequencePooling(seed),
        nameof(ImageReshaping) => new ImageReshaping(seed),
        nameof(SequenceReshaping) => new SequenceReshaping(seed),
        _ => new Noisy(seed),
    };

    [Theory]
    [MemberData(nameof(Trainable))]
    public void Every_layers_backward_pass_matches_finite_differences(string name) =>
        ModelGradients.AssertMatchFiniteDifferences(Create(name, seed: 1), batch: 3);

    [Theory]
    [MemberData(nameof(Trainable))]
    public void Training_and_prediction_allocate_nothing_once_warm(string name)
    {
        Model model = Create(name, seed: 2);
        model.Compile(new Adam(), new MeanSquaredError());
        const int batch = 16;
        float[] x = FiniteDifferences.Random(batch * model.Definition.InputSize, 3);
        float[] y = FiniteDifferences.Random(batch * model.Definition.OutputSize, 4);
        var predictions = new float[y.Length];
        Assert.Equal(0, ModelGradients.AllocatedBytesPerStep(() => model.TrainOnBatch(x, y)));
        Assert.Equal(0, ModelGradients.AllocatedBytesPerStep(() => model.Predict(x, predictions)));
        Assert.All(predictions, p => Assert.True(float.IsFinite(p)));
    }

    [Fact]
    public void Noise_is_the_identity_at_inference()
    {
        var noisy = new Noisy(seed: 3);
        var plain = new NotNoisy(seed: 4);
        plain.SetWeights(noisy.GetWeights());
        float[] x = FiniteDifferences.Random(7 * 60, 5);
        Assert.Equal(plain.Predict(x), noisy.Predict(x));
    }

    [Fact]
    public void Noise_draws_while_training_anew_each_step_and_repeats_for_a_seed()
    {
        float[] x = FiniteDifferences.Random(8 * 60, 6), y = FiniteDifferences.Random(8 * 2, 7);
        float[] Losses(int seed)
        {
            var model = new Noisy(seed: seed);
            model.Compile(new SGD(), new MeanSquaredError());
            return [(float)model.TestOnBatch(x, y)["loss"], model.ComputeGradients(x, y), model.ComputeGradients(x, y)];
        }

        float[] first = Losses(8), again = Losses(8);
        Assert.Equal(first, again);
        Assert.NotEqual(first[0], first[1]); // the training pass draws noise
        Assert.NotEqual(first[1], first[2]); // and new noise each step
    }

    [Fact]
    public void Spatial_dropout_drops_whole_channels_and_scales_the_rest_by_one_over_one_minus_rate()
    {
        // With MAE against far targets dL/dy is the same constant for any output, so the kernel's
        // gradient is Σ x·mask·dy: 0 for a dropped channel, 2× the undropped gradient for a kept one.
        var dropped = new ChannelDropout(seed: 9);
        var plain = new ChannelDense(seed: 10);
        plain.SetWeights(dropped.GetWeights());
        float[] x = FiniteDifferences.Random(5 * 4 * 4, 11), y = Enumerable.Repeat(1000f, 5 * 4).ToArray();
        dropped.Compile(new SGD(), new MeanAbsoluteError());
        plain.Compile(new SGD(), new MeanAbsoluteError());
        dropped.ComputeGradients(x, y);
        plain.ComputeGradients(x, y);
        float[] masked = dropped.GetWeightGradient("dense/kernel").ToArray(), full = plain.GetWeightGradient("dense/kernel").ToArray();
        Assert.All(full, g => Assert.NotEqual(0f, g));
        Assert.Contains(0f, masked);
        Assert.Contains(masked, g => g != 0);
        for (int c = 0; c < 4; c++)
        {
            Assert.True(masked[c] == 0 || masked[c] == 2 * full[c], $"channel {c}: {masked[c]} is neither 0 nor 2 × {full[c]}");
        }
    }
}

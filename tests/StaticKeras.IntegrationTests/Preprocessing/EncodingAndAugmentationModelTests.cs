using StaticKeras.IntegrationTests.TestModels;
using StaticKeras.Testing;

namespace StaticKeras.IntegrationTests.Preprocessing;

/// <summary>Encodings and image augmentation in generated models: Keras's examples, training-only randomness, seeds, gradients.</summary>
public sealed class EncodingAndAugmentationModelTests
{
    [Fact]
    public void Encodings_reproduce_keras_docstring_examples()
    {
        var model = new KerasEncodingExamples(seed: 1);
        Assert.Equal([4, 4, 4], model.Definition.Layers.Where(l => l.ClassName != "InputLayer" && l.ClassName != "Concatenate").Select(l => l.OutputShape.Single()));

        // one_hot of [3, 2, 0, 1]; multi_hot of [[0, 1], [0, 0], [1, 2], [3, 1]]; bins of the Discretization example.
        float[] tokens = [3, 2, 0, 1], pairs = [0, 1, 0, 0, 1, 2, 3, 1], values = [-1.5f, 1.0f, 3.4f, 0.5f, 0.0f, 3.0f, 1.3f, 0.0f, 9, 9, 9, 9, 0, 0, 0, 0];
        float[] y = model.Predict([tokens, pairs, values]);
        float[][] expected =
        [
            [0, 0, 0, 1, 1, 1, 0, 0, 0, 2, 3, 1],
            [0, 0, 1, 0, 1, 0, 0, 0, 1, 3, 2, 1],
            [1, 0, 0, 0, 0, 1, 1, 0, 3, 3, 3, 3],
            [0, 1, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1],
        ];
        Assert.Equal(expected.SelectMany(r => r), y);
    }

    [Fact]
    public void A_layer_before_a_step_function_gets_no_gradient_and_the_rest_match_finite_differences()
    {
        var model = new DenseThenDiscretized(seed: 2);
        model.Compile(new SGD(), new MeanSquaredError());
        model.ComputeGradients(FiniteDifferences.Random(8, 1), FiniteDifferences.Random(4, 2));
        Assert.All(model.GetWeightGradient("before/kernel").ToArray(), g => Assert.Equal(0f, g));
        Assert.Contains(model.GetWeightGradient("side/kernel").ToArray(), g => g != 0);
        ModelGradients.AssertMatchFiniteDifferences(model, batch: 4);
    }

    [Fact]
    public void Augmentation_is_the_identity_at_inference()
    {
        var augmented = new Augmented(seed: 3);
        var plain = new NotAugmented(seed: 4);
        plain.SetWeights(augmented.GetWeights());
        float[] x = FiniteDifferences.Random(7 * 60, 5).Select(v => (v + 1) / 2).ToArray();
        Assert.Equal(plain.Predict(x), augmented.Predict(x));
        Assert.Equal(plain.Definition.Weights.Count, augmented.Definition.Weights.Count);
    }

    [Fact]
    public void Augmentation_runs_while_training_and_repeats_for_a_seed()
    {
        float[] x = FiniteDifferences.Random(8 * 60, 6).Select(v => (v + 1) / 2).ToArray();
        float[] y = Enumerable.Range(0, 8 * 3).Select(i => i % 3 == (i / 3) % 3 ? 1f : 0f).ToArray();
        float[] Losses(int seed)
        {
            var model = new Augmented(seed: seed);
            model.Compile(new SGD(), new CategoricalCrossentropy());
            return [(float)model.TestOnBatch(x, y)["loss"], model.ComputeGradients(x, y), model.ComputeGradients(x, y)];
        }

        float[] first = Losses(7), again = Losses(7);
        Assert.Equal(first, again);
        Assert.NotEqual(first[0], first[1]); // the training pass sees augmented images
        Assert.NotEqual(first[1], first[2]); // and new ones each step
    }

    [Fact]
    public void Augmentation_after_a_trainable_layer_trains_without_allocating()
    {
        var model = new AugmentedAfterDense(seed: 5);
        model.Compile(new Adam(), new MeanSquaredError());
        float[] x = FiniteDifferences.Random(16 * 16, 7);
        float[] y = FiniteDifferences.Random(16, 8);
        model.ComputeGradients(x, y);
        float[] gradient = model.GetWeightGradient("dense/kernel").ToArray();
        Assert.All(gradient, g => Assert.True(float.IsFinite(g)));
        Assert.Contains(gradient, g => g != 0);
        Assert.Equal(0, ModelGradients.AllocatedBytesPerStep(() => model.TrainOnBatch(x, y)));
    }
}

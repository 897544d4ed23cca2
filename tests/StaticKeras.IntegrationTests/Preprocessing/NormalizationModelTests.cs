using StaticKeras.IntegrationTests.TestModels;
using StaticKeras.Testing;

namespace StaticKeras.IntegrationTests.Preprocessing;

/// <summary>Normalization in generated models: Keras's docstring examples, Adapt, its state, and gradients through it.</summary>
public sealed class NormalizationModelTests
{
    private static readonly float[] KerasAdaptData = [0, 7, 4, 2, 9, 6, 0, 7, 4, 2, 9, 6];

    [Fact]
    public void Adapted_as_in_keras_docstring_it_normalizes_and_inverts()
    {
        var normalize = new NormalizeFeatures(seed: 1);
        normalize.Adapt(KerasAdaptData);
        Assert.Equal([-1f, -1f, -1f], normalize.Predict([0f, 7, 4]));

        var invert = new Denormalize(seed: 1);
        invert.Adapt(KerasAdaptData);
        Assert.Equal([2f, 10f, 8f], invert.Predict([1f, 2, 3]));
    }

    [Fact]
    public void Given_statistics_and_axis_none_reproduce_keras_docstring()
    {
        var model = new GivenAndScalarNormalization(seed: 1);
        model.Adapt([1f, 2, 3, 4, 5], layer: "scalar");
        float[] y = model.Predict([1f, 2, 3]);
        Assert.Equal([-1.4142135f, -1.4142135f, -0.70710677f, -0.70710677f, 0f, 0f], y);
        Assert.DoesNotContain(model.Definition.Weights, w => w.Layer == "given");
    }

    [Fact]
    public void Keeps_keras_non_trainable_weights_which_training_leaves_alone()
    {
        var model = new NormalizedClassifier(seed: 2);
        Assert.Equal(["normalization/mean (4,)", "normalization/variance (4,)", "normalization/count ()"], model.Definition.Weights.Where(w => !w.Trainable).Select(w => $"{w.Path} {ModelDefinition.FormatShape(w.Shape)}"));
        Assert.Equal(9, model.Definition.NonTrainableParameterCount);
        Assert.Equal([0f, 0, 0, 0, 1, 1, 1, 1, 0], model.GetWeights().Take(3).SelectMany(w => w));

        float[] x = FiniteDifferences.Random(50 * 4, 3).Select((v, i) => (v * (i % 4 + 1)) + (10 * (i % 4))).ToArray();
        model.Adapt(x);
        for (int f = 0; f < 4; f++)
        {
            double[] column = Enumerable.Range(0, 50).Select(i => (double)x[(i * 4) + f]).ToArray();
            double mean = column.Average();
            Assert.Equal(mean, model.GetWeight("normalization/mean")[f], 4);
            Assert.Equal(column.Select(v => (v - mean) * (v - mean)).Average(), model.GetWeight("normalization/variance")[f], 4);
        }

        Assert.Equal(50f, model.GetWeight("normalization/count")[0]);
        float[] state = model.GetWeights().Take(3).SelectMany(w => w).ToArray();
        model.Compile(new Adam(0.05f), Losses.BinaryCrossentropy);
        model.Fit(x, Enumerable.Range(0, 50).Select(i => (float)(i % 2)).ToArray(), epochs: 2, batchSize: 8, verbose: 0);
        Assert.Equal(state, model.GetWeights().Take(3).SelectMany(w => w));
    }

    [Fact]
    public void Adapt_says_what_is_wrong()
    {
        var model = new NormalizedClassifier(seed: 2);
        Assert.Contains("not a whole number of samples", Assert.Throws<ArgumentException>(() => model.Adapt(new float[6])).Message);
        Assert.Contains("has no adaptable Normalization layer 'dense'", Assert.Throws<ArgumentException>(() => model.Adapt(new float[8], layer: "dense")).Message);
        var two = new AdaptedInTheMiddle(seed: 1);
        Assert.Contains("has 2 adaptable Normalization layers ('rows', 'back'); name the one", Assert.Throws<ArgumentException>(() => two.Adapt(new float[6])).Message);
        Assert.Contains("axis [2] does not select that", Assert.Throws<ArgumentException>(() => two.Adapt(new float[6], "rows", axis: [2])).Message);
    }

    [Fact]
    public void Gradients_through_rescaling_and_given_normalization_match_finite_differences() =>
        ModelGradients.AssertMatchFiniteDifferences(new RescaledThenNormalized(seed: 3), batch: 4);

    [Fact]
    public void Gradients_through_adapted_and_inverted_normalization_on_a_middle_axis_match_finite_differences()
    {
        var model = new AdaptedInTheMiddle(seed: 4);
        model.Adapt(FiniteDifferences.Random(5 * 6, 5, 3f), "rows", axis: [1]);
        model.Adapt(FiniteDifferences.Random(5 * 6, 6, 2f).Select(v => v + 1).ToArray(), "back");
        Assert.NotEqual(1f, model.GetWeight("rows/variance")[0]);
        ModelGradients.AssertMatchFiniteDifferences(model, batch: 3);
    }

    [Fact]
    public void Training_with_an_adapted_normalization_allocates_nothing_once_warm()
    {
        var model = new NormalizedClassifier(seed: 1);
        float[] x = FiniteDifferences.Random(16 * 4, 2);
        float[] y = Enumerable.Range(0, 16).Select(i => (float)(i % 2)).ToArray();
        model.Adapt(x);
        model.Compile(new Adam(), Losses.BinaryCrossentropy);
        Assert.Equal(0, ModelGradients.AllocatedBytesPerStep(() => model.TrainOnBatch(x, y)));
    }
}

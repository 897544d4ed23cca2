using StaticKeras.IntegrationTests.TestModels;

namespace StaticKeras.IntegrationTests;

// These calls are wrong on purpose, to test the run-time checks. The SK3002/SK3003 analyzers see
// the same mistakes at compile time where the lengths are constants (as here), so they are off.
#pragma warning disable SK3002, SK3003

/// <summary>Wrong shapes, missing set-up and diverging training get exceptions that say what was expected and what to do.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void A_wrong_input_length_names_the_expected_shape_and_the_length()
    {
        var model = new Mlp(seed: 1);
        var error = Assert.Throws<ArgumentException>(() => model.Predict(new float[1000]));
        Assert.Equal("x", error.ParamName);
        Assert.Contains("expected x of shape (N, 784); length 1000 is not a multiple of 784", error.Message);
    }

    [Fact]
    public void Labels_that_do_not_match_the_batch_are_reported_with_both_counts()
    {
        var model = new Mlp(seed: 1);
        model.Compile(new Adam(), Losses.SparseCategoricalCrossentropy);
        var error = Assert.Throws<ArgumentException>(() => model.Fit(new float[3 * 784], new int[2], verbose: 0));
        Assert.Contains("expected y of shape (N,)", error.Message);
        Assert.Contains("3 values for the 3 samples of x; got 2", error.Message);

        model.Compile(new Adam(), Losses.CategoricalCrossentropy);
        error = Assert.Throws<ArgumentException>(() => model.Fit(new float[3 * 784], new float[3], verbose: 0));
        Assert.Contains("expected y of shape (N, 10)", error.Message);
        Assert.Contains("SparseCategoricalCrossentropy", error.Message);
    }

    [Fact]
    public void Class_ids_out_of_range_are_named()
    {
        var model = new Mlp(seed: 1);
        model.Compile(new Adam(), Losses.SparseCategoricalCrossentropy);
        var error = Assert.Throws<ArgumentException>(() => model.Fit(new float[2 * 784], [3, 10], verbose: 0));
        Assert.Contains("label 1 is 10", error.Message);
    }

    [Fact]
    public void Fit_before_Compile_says_to_compile()
    {
        var model = new Mlp(seed: 1);
        var error = Assert.Throws<InvalidOperationException>(() => model.Fit(new float[784], new int[1], verbose: 0));
        Assert.Contains("must be compiled before Fit", error.Message);
        Assert.Contains("model.Compile(", error.Message);
        model.Compile(new Adam());
        Assert.Contains("without a loss", Assert.Throws<InvalidOperationException>(() => model.Evaluate(new float[784], new int[1], verbose: 0)).Message);
    }

    [Fact]
    public void A_diverging_loss_stops_training_with_advice_and_leaves_the_weights_alone()
    {
        var model = new OneDense(seed: 1);
        model.Compile(new SGD(), Losses.MeanSquaredError);
        float[] before = model.GetWeights().SelectMany(w => w).ToArray();
        var error = Assert.Throws<InvalidOperationException>(() => model.TrainOnBatch([float.NaN, 1, 2, 3], [0, 0]));
        Assert.Contains("the loss became NaN", error.Message);
        Assert.Contains("Lower the learning rate", error.Message);
        Assert.Equal(before, model.GetWeights().SelectMany(w => w));
    }

    [Fact]
    public void SetWeights_with_a_wrong_shape_names_the_weight_and_changes_nothing()
    {
        var model = new OneDense(seed: 1);
        float[] before = model.GetWeights().SelectMany(w => w).ToArray();
        var error = Assert.Throws<ArgumentException>(() => model.SetWeights([new float[8], new float[3]]));
        Assert.Contains("Weight 1 (dense/bias) has shape (2,) = 2 values, but 3 were given", error.Message);
        Assert.Equal(before, model.GetWeights().SelectMany(w => w));
        Assert.Contains("has 2 weights (dense/kernel, dense/bias) but 1 were given", Assert.Throws<ArgumentException>(() => model.SetWeights([new float[8]])).Message);
    }

    [Fact]
    public void A_multi_input_model_rejects_a_single_array()
    {
        var model = new Mlp(seed: 1);
        Assert.Contains("has 1 input(s)", Assert.Throws<ArgumentException>(() => model.Predict([new float[784], new float[784]])).Message);
    }
}

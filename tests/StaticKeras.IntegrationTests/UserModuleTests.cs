using StaticKeras.IntegrationTests.TestModels;
using StaticKeras.Testing;

namespace StaticKeras.IntegrationTests;

/// <summary>
/// User layers, a user activation and blocks, compiled by the real generator: their gradients,
/// training, determinism, allocation, weights and summary, as for built-in layers.
/// </summary>
public sealed class UserModuleTests
{
    [Fact]
    public void Every_gradient_of_a_model_of_user_modules_matches_finite_differences()
    {
        var model = new UserModulesModel(seed: 3);
        model.Compile(new SGD(), Losses.SparseCategoricalCrossentropy);
        float[] x = FiniteDifferences.Random(4 * 6, 5);
        GradientCheckResult result = GradientCheck.Run(model, x, [0, 1, 2, 1]);
        Assert.True(result.Passed, result.ToString());
        Assert.True(result.Checked > 100, result.ToString());
    }

    [Fact]
    public void Every_gradient_through_the_activation_layers_matches_finite_differences()
    {
        var model = new ActivationLayersModel(seed: 4);
        model.Compile(new SGD(), Losses.CategoricalCrossentropy);
        float[] x = FiniteDifferences.Random(3 * 20, 6);
        float[] y = [1, 0, 0, 1, 0, 1];
        GradientCheckResult result = GradientCheck.Run(model, x, y);
        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public void A_wrong_backward_pass_fails_the_check_and_names_the_weight()
    {
        // The check is only worth something if it can fail: BadScale's weight gradient is twice the truth.
        var model = new BadGradientModel(seed: 3);
        model.Compile(new SGD(), Losses.SparseCategoricalCrossentropy);
        GradientCheckResult result = GradientCheck.Run(model, FiniteDifferences.Random(3 * 4, 5), [0, 1, 1]);
        Assert.False(result.Passed);
        Assert.Equal("bad_scale/scale", result.WorstWeight);
        Assert.Contains("bad_scale/scale", Assert.Throws<InvalidOperationException>(result.ThrowIfFailed).Message);
    }

    [Fact]
    public void Training_reduces_the_loss_and_the_same_seed_gives_the_same_bits()
    {
        float[] x = FiniteDifferences.Random(32 * 6, 9);
        int[] y = Enumerable.Range(0, 32).Select(i => x[i * 6] > 0 ? 1 : x[(i * 6) + 1] > 0 ? 2 : 0).ToArray();
        float[] Train(out double first, out double last)
        {
            var model = new UserModulesModel(seed: 11);
            model.Compile(new Adam(learningRate: 1e-2f), Losses.SparseCategoricalCrossentropy);
            first = model.Evaluate(x, y, verbose: 0)["loss"];
            model.Fit(x, y, epochs: 30, batchSize: 8, verbose: 0);
            last = model.Evaluate(x, y, verbose: 0)["loss"];
            return model.GetWeights().SelectMany(w => w).ToArray();
        }

        float[] a = Train(out double before, out double after);
        float[] b = Train(out _, out _);
        Assert.True(after < before * 0.7, $"loss {before} -> {after}");
        Assert.Equal(a, b);
    }

    [Fact]
    public void A_step_of_user_layers_and_blocks_allocates_nothing_once_warm()
    {
        var model = new UserModulesModel(seed: 1);
        model.Compile(new Adam(), Losses.SparseCategoricalCrossentropy, [Metrics.Accuracy]);
        float[] x = FiniteDifferences.Random(16 * 6, 2), output = new float[16 * 3];
        int[] y = Enumerable.Range(0, 16).Select(i => i % 3).ToArray();
        for (int i = 0; i < 5; i++)
        {
            model.TrainOnBatch(x, y);
            model.Predict(x, output);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            model.TrainOnBatch(x, y);
            model.Predict(x, output);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_step_through_every_activation_layer_allocates_nothing_once_warm()
    {
        var model = new ActivationLayersModel(seed: 1);
        model.Compile(new Adam(), Losses.CategoricalCrossentropy);
        float[] x = FiniteDifferences.Random(8 * 20, 2), y = Enumerable.Range(0, 16).Select(i => (float)(i % 2)).ToArray(), output = new float[16];
        for (int i = 0; i < 5; i++)
        {
            model.TrainOnBatch(x, y);
            model.Predict(x, output);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            model.TrainOnBatch(x, y);
            model.Predict(x, output);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Block_weights_have_keras_nested_paths_and_the_summary_shows_each_block_as_one_row()
    {
        var model = new UserModulesModel(seed: 1);
        Assert.Equal(
            ["dense/kernel", "dense/bias", "residual_block/h/kernel", "residual_block/h/bias", "residual_block/n/scale",
             "residual_block_1/h/kernel", "residual_block_1/h/bias", "residual_block_1/n/scale", "scaled_dense/kernel",
             "rms_norm/scale", "dense_1/kernel", "dense_1/bias"],
            model.Definition.Weights.Select(w => w.Path));
        string summary = model.SummaryText();
        Assert.Contains("residual_block (ResidualBlock)", summary);
        Assert.Contains("residual_block_1 (ResidualBlock)", summary);
        Assert.Contains("scaled_dense (ScaledDense)", summary);
        Assert.DoesNotContain("(RmsNorm)  ", summary.Split('\n').First(l => l.Contains("residual_block (")));
        int blockParameters = (8 * 8) + 8 + 8;
        Assert.Contains(blockParameters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), summary.Split('\n').First(l => l.Contains("residual_block (")));
        Assert.Equal(UserModulesModel.ParameterCount, 56 + (2 * blockParameters) + 40 + 5 + 18);
        Assert.Equal(model.Definition.Layers.Select(l => l.Name), ["input_layer", "dense", "residual_block", "residual_block_1", "dropout", "scaled_dense", "rms_norm", "dense_1"]);
    }

    [Fact]
    public void A_block_is_a_model_of_its_own()
    {
        var block = new ResidualBlock(seed: 2);
        block.Compile(new SGD(), Losses.MeanSquaredError);
        float[] x = FiniteDifferences.Random(2 * 8, 1);
        Assert.Equal(16, block.Predict(x).Length);
        Assert.True(GradientCheck.Run(block, x, FiniteDifferences.Random(16, 2)).Passed);
    }
}

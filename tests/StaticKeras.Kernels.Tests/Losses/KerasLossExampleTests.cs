namespace StaticKeras.Kernels.Tests.Losses;

/// <summary>
/// The new losses against the examples in their Keras docstrings (<c>keras/src/losses/losses.py</c>)
/// and against their formulas written out per element.
/// </summary>
public sealed class KerasLossExampleTests
{
    /// <summary>Keras's per-sample losses for two rows, as its docstrings print them.</summary>
    private static float[] PerRow(Loss loss, float[] predictions, float[] labels, int cols) =>
        Enumerable.Range(0, predictions.Length / cols)
            .Select(r => loss.Compute(predictions.AsSpan(r * cols, cols), labels.AsSpan(r * cols, cols), 1, cols))
            .ToArray();

    [Fact]
    public void Huber_log_cosh_and_binary_losses_match_the_docstrings()
    {
        float[] yTrue = [0, 1, 0, 0], yPred = [0.6f, 0.4f, 0.4f, 0.6f];
        Assert.Equal(0.155, new Huber().Compute(yPred, yTrue, 2, 2), 3);
        Assert.Equal(0.108, new LogCosh().Compute([1, 1, 0, 0], [0, 1, 0, 0], 2, 2), 3);
        Assert.Equal([0.916f, 0.714f], PerRow(new BinaryCrossentropy(), yPred, yTrue, 2).Select(v => MathF.Round(v, 3)));
        Assert.Equal([0.330f, 0.206f], PerRow(new BinaryFocalCrossentropy(gamma: 2), yPred, yTrue, 2).Select(v => MathF.Round(v, 3)));
    }

    [Fact]
    public void Cosine_similarity_and_categorical_focal_match_the_docstrings()
    {
        float[] cosine = PerRow(new CosineSimilarity(), [1, 0, 1, 1, -1, -1], [0, 1, 1, 1, 1, 1], 2);
        Assert.Equal([0f, -1f, 1f], cosine.Select(v => MathF.Round(v, 5) + 0f));
        float[] focal = PerRow(new CategoricalFocalCrossentropy(), [0.05f, 0.9f, 0.05f, 0.1f, 0.85f, 0.05f], [0, 1, 0, 0, 0, 1], 3);
        Assert.Equal(2.63401289e-04, focal[0], 6);
        Assert.Equal(6.75912094e-01, focal[1], 5);
    }

    [Fact]
    public void Elementwise_losses_follow_their_formulas()
    {
        float[] p = [0.5f, 2f, 3f], y = [1f, 0f, 4f];
        Assert.Equal(((0.5 - Math.Log(0.5 + 1e-7)) + 2 + (3 - (4 * Math.Log(3 + 1e-7)))) / 3, new Poisson().Compute(p, y, 1, 3), 5);
        double mape = 100 * ((0.5 / 1) + (2 / 1e-7) + (1 / 4.0)) / 3;
        Assert.Equal(mape, new MeanAbsolutePercentageError().Compute(p, y, 1, 3), tolerance: mape * 1e-6);
        double msle = (Math.Pow(Math.Log(1.5) - Math.Log(2), 2) + Math.Pow(Math.Log(3) - Math.Log(1 + 1e-7), 2) + Math.Pow(Math.Log(4) - Math.Log(5), 2)) / 3;
        Assert.Equal(msle, new MeanSquaredLogarithmicError().Compute(p, y, 1, 3), 5);
        Assert.Equal((0.5 + 0 + 0) / 3, new Hinge().Compute([0.5f, -2f, 3f], [1, 0, 1], 1, 3), 5);
        Assert.Equal((0.25 + 0 + 0) / 3, new SquaredHinge().Compute([0.5f, -2f, 3f], [1, 0, 1], 1, 3), 5);
        Assert.Equal((0.5 + 2 + 0) / 3, new Hinge().Compute([0.5f, -2f, 3f], [1, 0.5f, 1], 1, 3), 5);
    }

    [Fact]
    public void Row_losses_follow_their_formulas()
    {
        float[] p = [0.2f, 0.3f, 0.5f], y = [0f, 1f, 0f];
        Assert.Equal((1e-7 * Math.Log(1e-7 / 0.2)) + Math.Log(1 / 0.3) + (1e-7 * Math.Log(1e-7 / 0.5)), new KLDivergence().Compute(p, y, 1, 3), 5);
        Assert.Equal(0.5 - 0.3 + 1, new CategoricalHinge().Compute(p, y, 1, 3), 5);
    }

    [Fact]
    public void Label_smoothing_moves_the_labels_as_keras_does()
    {
        float[] p = [0.2f, 0.3f, 0.5f];
        var smoothed = new CategoricalCrossentropy(labelSmoothing: 0.3f);
        Assert.Equal(new CategoricalCrossentropy().Compute(p, [0.1f, 0.8f, 0.1f], 1, 3), smoothed.Compute(p, [0, 1, 0], 1, 3), 5);
        var binary = new BinaryCrossentropy(labelSmoothing: 0.2f);
        Assert.Equal(new BinaryCrossentropy().Compute([0.7f], [0.9f], 1, 1), binary.Compute([0.7f], [1f], 1, 1), 5);
        Assert.Contains("labelSmoothing", Assert.Throws<ArgumentOutOfRangeException>(() => new BinaryFocalCrossentropy(labelSmoothing: 2)).Message);
    }
}

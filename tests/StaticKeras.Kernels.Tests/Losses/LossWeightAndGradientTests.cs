using static StaticKeras.Testing.FiniteDifferences;

namespace StaticKeras.Kernels.Tests.Losses;

/// <summary>
/// Every loss's gradient against finite differences of its value, with and without per-row
/// weights, and the weighted reduction as Keras's <c>sum_over_batch_size</c>: Σ wᵣ·lossᵣ / rows.
/// </summary>
public sealed class LossWeightAndGradientTests
{
    private const int Rows = 4, Cols = 3;

    private static readonly float[] RowWeights = [0.5f, 2f, 0f, 1.25f];

    public static TheoryData<string> Names() => new()
    {
        "huber", "log_cosh", "kl_divergence", "poisson", "hinge", "squared_hinge", "categorical_hinge", "cosine_similarity",
        "mape", "msle", "binary_focal", "binary_focal_logits", "binary_focal_balanced", "categorical_focal", "categorical_focal_logits",
        "bce_smoothed", "cce_smoothed", "cce_logits_smoothed", "mse", "mae", "scce",
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_matches_finite_differences(string name)
    {
        (Loss loss, float[] p, float[] y) = Case(name);
        var gradient = new float[Rows * Cols];
        loss.ComputeWithGradient(p, y, gradient, Rows, Cols, LossFusion.None, out bool pre);
        Assert.False(pre && name != "cce_logits_smoothed", "Without a fused output the gradient is w.r.t. the predictions.");
        AssertGradient(p, gradient, () => loss.Compute(p, y, Rows, Cols), name, epsilon: 1e-3f, tolerance: 5e-3);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Weighted_loss_is_the_weighted_sum_over_rows_and_its_gradient_matches(string name)
    {
        (Loss loss, float[] p, float[] y) = Case(name);
        int perRow = loss.LabelsPerRow(Cols);
        double expected = 0;
        for (int r = 0; r < Rows; r++)
        {
            expected += RowWeights[r] * loss.Compute(p.AsSpan(r * Cols, Cols), y.AsSpan(r * perRow, perRow), 1, Cols);
        }

        var gradient = new float[Rows * Cols];
        float value = loss.ComputeWithGradient(p, y, RowWeights, gradient, Rows, Cols, LossFusion.None, out _);
        Assert.Equal(expected / Rows, value, 4);
        Assert.Equal(expected / Rows, loss.Compute(p, y, RowWeights, Rows, Cols), 4);
        AssertGradient(p, gradient, () => loss.Compute(p, y, RowWeights, Rows, Cols), name + " weighted", epsilon: 1e-3f, tolerance: 5e-3);
    }

    /// <summary>Predictions and labels in each loss's valid range, away from its kinks and clips.</summary>
    private static (Loss Loss, float[] Predictions, float[] Labels) Case(string name)
    {
        float[] logits = Random(Rows * Cols, 5, 2f);
        float[] probabilities = (float[])logits.Clone();
        StaticKeras.Activations.Softmax.Forward(probabilities, probabilities, Cols);
        float[] sigmoid = (float[])logits.Clone();
        StaticKeras.Activations.Sigmoid.Forward(sigmoid, sigmoid, Cols);
        float[] oneHot = new float[Rows * Cols], binary = new float[Rows * Cols], positive = new float[Rows * Cols], sparse = new float[Rows];
        for (int i = 0; i < Rows * Cols; i++)
        {
            oneHot[i] = i % Cols == (i / Cols) % Cols ? 1 : 0;
            binary[i] = (i * 7 % 3) % 2;
            positive[i] = 0.5f + (i % 5 * 0.4f);
        }

        for (int r = 0; r < Rows; r++)
        {
            sparse[r] = r % Cols;
        }

        float[] targets = Random(Rows * Cols, 6, 3f);
        return name switch
        {
            "huber" => (new Huber(delta: 1.5f), logits, targets),
            "log_cosh" => (new LogCosh(), logits, targets),
            "kl_divergence" => (new KLDivergence(), probabilities, Softmax(Random(Rows * Cols, 8))),
            "poisson" => (new Poisson(), positive, Random(Rows * Cols, 9, 2f).Select(Math.Abs).ToArray()),
            "hinge" => (new Hinge(), logits, binary),
            "squared_hinge" => (new SquaredHinge(), logits, binary),
            "categorical_hinge" => (new CategoricalHinge(), logits, oneHot),
            "cosine_similarity" => (new CosineSimilarity(), logits, targets),
            "mape" => (new MeanAbsolutePercentageError(), logits, positive),
            "msle" => (new MeanSquaredLogarithmicError(), positive, Random(Rows * Cols, 9, 2f).Select(Math.Abs).ToArray()),
            "binary_focal" => (new BinaryFocalCrossentropy(labelSmoothing: 0.1f), sigmoid, binary),
            "binary_focal_logits" => (new BinaryFocalCrossentropy(fromLogits: true, gamma: 1.5f), logits, binary),
            "binary_focal_balanced" => (new BinaryFocalCrossentropy(applyClassBalancing: true), sigmoid, binary),
            "categorical_focal" => (new CategoricalFocalCrossentropy(labelSmoothing: 0.1f), probabilities, oneHot),
            "categorical_focal_logits" => (new CategoricalFocalCrossentropy(fromLogits: true), logits, oneHot),
            "bce_smoothed" => (new BinaryCrossentropy(labelSmoothing: 0.2f), sigmoid, binary),
            "cce_smoothed" => (new CategoricalCrossentropy(labelSmoothing: 0.2f), probabilities, oneHot),
            "cce_logits_smoothed" => (new CategoricalCrossentropy(fromLogits: true, labelSmoothing: 0.2f), logits, oneHot),
            "mse" => (new MeanSquaredError(), logits, targets),
            "mae" => (new MeanAbsoluteError(), logits, targets),
            _ => (new SparseCategoricalCrossentropy(), probabilities, sparse),
        };
    }

    private static float[] Softmax(float[] values)
    {
        StaticKeras.Activations.Softmax.Forward(values, values, Cols);
        return values;
    }
}

using static StaticKeras.Testing.FiniteDifferences;

namespace StaticKeras.Kernels.Tests;

/// <summary>
/// Every loss's gradient against finite differences of its value: with respect to the
/// predictions, and, for the fused paths, with respect to the logits before softmax or sigmoid.
/// </summary>
public sealed class LossGradientTests
{
    private const int Rows = 4, Cols = 3;

    public static TheoryData<string> Losses() => new() { "mse", "mae", "bce", "bce_logits", "cce", "cce_logits", "scce", "scce_logits" };

    [Theory]
    [MemberData(nameof(Losses))]
    public void Gradient_with_respect_to_predictions_matches_finite_differences(string name)
    {
        (Loss loss, float[] predictions, float[] labels) = Case(name);
        var gradient = new float[Rows * Cols];
        loss.ComputeWithGradient(predictions, labels, gradient, Rows, Cols, LossFusion.None, out bool pre);
        Assert.False(pre && !IsFromLogits(loss), "Without a softmax or sigmoid output the gradient is w.r.t. the predictions.");
        AssertGradient(predictions, gradient, () => loss.Compute(predictions, labels, Rows, Cols), name, epsilon: 1e-3f, tolerance: 5e-3);
    }

    [Theory]
    [InlineData("bce", "sigmoid")]
    [InlineData("cce", "softmax")]
    [InlineData("scce", "softmax")]
    public void Fused_gradient_is_with_respect_to_the_logits(string name, string activation)
    {
        (Loss loss, _, float[] labels) = Case(name);
        float[] logits = Random(Rows * Cols, 11, 2f);
        var probabilities = new float[logits.Length];
        double Value()
        {
            logits.CopyTo(probabilities, 0);
            Activations.ActivationCase.For(activation).Forward(probabilities, probabilities, Cols);
            return loss.Compute(probabilities, labels, Rows, Cols);
        }

        Value();
        var gradient = new float[logits.Length];
        loss.ComputeWithGradient(probabilities, labels, gradient, Rows, Cols, Activations.ActivationCase.For(activation).Fusion, out bool pre);
        Assert.True(pre);
        AssertGradient(logits, gradient, Value, name + " through " + activation, epsilon: 1e-3f, tolerance: 5e-3);
    }

    [Fact]
    public void Sparse_labels_out_of_range_are_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new SparseCategoricalCrossentropy().ValidateLabels([0, 2, 3], 3));
        Assert.Contains("label 2 is 3", error.Message);
        Assert.Contains("0..2", error.Message);
    }

    private static bool IsFromLogits(Loss loss) => loss switch
    {
        BinaryCrossentropy b => b.FromLogits,
        CategoricalCrossentropy c => c.FromLogits,
        SparseCategoricalCrossentropy s => s.FromLogits,
        _ => false,
    };

    /// <summary>A loss with predictions in its valid range (probabilities away from the clip) and labels of its kind.</summary>
    private static (Loss Loss, float[] Predictions, float[] Labels) Case(string name)
    {
        float[] logits = Random(Rows * Cols, 5, 2f);
        float[] probabilities = (float[])logits.Clone();
        StaticKeras.Activations.Softmax.Forward(probabilities, probabilities, Cols);
        float[] sigmoid = (float[])logits.Clone();
        StaticKeras.Activations.Sigmoid.Forward(sigmoid, sigmoid, Cols);
        float[] oneHot = new float[Rows * Cols], sparse = new float[Rows], binary = new float[Rows * Cols];
        for (int r = 0; r < Rows; r++)
        {
            sparse[r] = r % Cols;
            oneHot[(r * Cols) + (r % Cols)] = 1;
            for (int c = 0; c < Cols; c++)
            {
                binary[(r * Cols) + c] = (r + c) % 2;
            }
        }

        return name switch
        {
            "mse" => (new MeanSquaredError(), logits, Random(Rows * Cols, 6)),
            "mae" => (new MeanAbsoluteError(), logits, Random(Rows * Cols, 6, 3f)),
            "bce" => (new BinaryCrossentropy(), sigmoid, binary),
            "bce_logits" => (new BinaryCrossentropy(fromLogits: true), logits, binary),
            "cce" => (new CategoricalCrossentropy(), probabilities, oneHot),
            "cce_logits" => (new CategoricalCrossentropy(fromLogits: true), logits, oneHot),
            "scce" => (new SparseCategoricalCrossentropy(), probabilities, sparse),
            _ => (new SparseCategoricalCrossentropy(fromLogits: true), logits, sparse),
        };
    }
}

using StaticKeras.Testing;

namespace StaticKeras.Generators.Tests;

/// <summary>
/// The generated backward passes, end to end: every parameter's gradient from <c>Backward</c>
/// against finite differences of the generated forward pass plus the loss.
/// </summary>
public sealed class ModelGradientTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "Demo.Gradients.Chain", "bce" },
        { "Demo.Gradients.Chain", "mse" },
        { "Demo.Gradients.Branches", "scce" },
        { "Demo.Gradients.Branches", "cce" },
        { "Demo.Residual", "bce" },
        { "Demo.Mlp", "scce" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_parameter_gradient_matches_finite_differences(string model, string lossName)
    {
        Model m = GeneratedModels.Create(model);
        const int batch = 3;
        int classes = m.Definition.OutputSize;
        Loss loss = lossName switch
        {
            "bce" => new BinaryCrossentropy(),
            "mse" => new MeanSquaredError(),
            "cce" => new CategoricalCrossentropy(),
            _ => new SparseCategoricalCrossentropy(),
        };
        m.Compile(new SGD(), loss);
        float[] x = FiniteDifferences.Random(batch * m.Definition.InputSize, 11);
        float[] y = Labels(lossName, batch, classes);

        GradientCheckResult result = GradientCheck.Run(m, x, y, valuesPerWeight: 40);
        Assert.True(result.Passed, $"{model} {lossName}: {result}");
        Assert.True(result.Checked >= m.Definition.Weights.Count, result.ToString());
    }

    private static float[] Labels(string loss, int batch, int classes)
    {
        var random = new SeededRandom(5);
        return loss switch
        {
            "scce" => Enumerable.Range(0, batch).Select(i => (float)(i % classes)).ToArray(),
            "cce" => Enumerable.Range(0, batch * classes).Select(i => i % classes == (i / classes) % classes ? 1f : 0f).ToArray(),
            "bce" => Enumerable.Range(0, batch * classes).Select(i => (float)(i % 2)).ToArray(),
            _ => Enumerable.Range(0, batch * classes).Select(_ => random.NextSingle()).ToArray(),
        };
    }
}

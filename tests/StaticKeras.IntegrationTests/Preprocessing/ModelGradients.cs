using StaticKeras.Testing;

namespace StaticKeras.IntegrationTests.Preprocessing;

/// <summary>Whole-model checks for the preprocessing tests: gradients against finite differences, and allocation per step.</summary>
internal static class ModelGradients
{
    /// <summary>
    /// Every parameter's gradient from the generated backward pass against central differences of
    /// the generated forward pass plus the loss (mean squared error on random targets), every
    /// element of every trainable weight, through the public <see cref="GradientCheck"/>.
    /// </summary>
    public static void AssertMatchFiniteDifferences(Model model, int batch)
    {
        model.Compile(new SGD(), new MeanSquaredError());
        float[] x = FiniteDifferences.Random(batch * model.Definition.InputSize, 11);
        float[] y = FiniteDifferences.Random(batch * model.Definition.OutputSize, 12);
        GradientCheckResult result = GradientCheck.Run(model, x, y, valuesPerWeight: int.MaxValue);
        Assert.True(result.Passed, $"{model.Name}: {result}");
    }

    /// <summary>Bytes one call of <paramref name="step"/> allocates on this thread once warm (after five calls), over twenty calls.</summary>
    public static long AllocatedBytesPerStep(Action step)
    {
        for (int i = 0; i < 5; i++)
        {
            step();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            step();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}

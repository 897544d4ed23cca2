using StaticKeras.IntegrationTests.TestModels;
using StaticKeras.Testing;

namespace StaticKeras.IntegrationTests;

/// <summary>Steady-state training and prediction allocate nothing: the workspace is planned, grown once, and reused.</summary>
public sealed class ZeroAllocationTests
{
    /// <summary>Runs a few steps first, so one-time work (the workspace, JIT tiers, lazy statics) is done.</summary>
    private static void Warm(Action step)
    {
        for (int i = 0; i < 5; i++)
        {
            step();
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(32)]
    [InlineData(128)]
    public void TrainOnBatch_allocates_nothing_once_warm(int batch)
    {
        var model = new Mlp(seed: 1);
        model.Compile(new Adam(), Losses.SparseCategoricalCrossentropy);
        float[] x = FiniteDifferences.Random(batch * 784, 2);
        int[] y = Enumerable.Range(0, batch).Select(i => i % 10).ToArray();
        Warm(() => model.TrainOnBatch(x, y));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            model.TrainOnBatch(x, y);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void TrainOnBatch_with_dropout_and_float_labels_allocates_nothing_once_warm()
    {
        var model = new DropoutMlp(seed: 1);
        model.Compile(new SGD(momentum: 0.9f), Losses.CategoricalCrossentropy);
        float[] x = FiniteDifferences.Random(16 * 20, 2);
        float[] y = Enumerable.Range(0, 16 * 3).Select(i => i % 3 == 0 ? 1f : 0f).ToArray();
        Warm(() => model.TrainOnBatch(x, y));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            model.TrainOnBatch(x, y);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(128)]
    public void Predict_into_a_buffer_allocates_nothing_once_warm(int batch)
    {
        var model = new Mlp(seed: 1);
        float[] x = FiniteDifferences.Random(batch * 784, 2);
        var y = new float[batch * 10];
        Warm(() => model.Predict(x, y));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            model.Predict(x, y);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.All(Enumerable.Range(0, batch), s => Assert.Equal(1f, y.AsSpan(s * 10, 10).ToArray().Sum(), 4));
    }
}

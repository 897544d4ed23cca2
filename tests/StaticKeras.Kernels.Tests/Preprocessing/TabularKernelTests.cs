using static StaticKeras.Testing.FiniteDifferences;

namespace StaticKeras.Kernels.Tests.Preprocessing;

/// <summary>Rescaling, Normalization, CategoryEncoding and Discretization against the examples in Keras's docstrings.</summary>
public sealed class TabularKernelTests
{
    [Fact]
    public void Rescaling_maps_bytes_to_minus_one_one_and_scales_the_gradient()
    {
        float[] x = [0, 127.5f, 255], y = new float[3], dx = [1, 1, 1];
        RescalingKernel.Forward(x, y, 1 / 127.5f, -1);
        Assert.Equal([-1f, 0f, 1f], y);
        RescalingKernel.Backward([2, 4, 6], dx, 0.5f, accumulate: true);
        Assert.Equal([2f, 3f, 4f], dx);
    }

    [Fact]
    public void Normalization_reproduces_keras_docstring_examples()
    {
        // mean=3., variance=2. on [[1.], [2.], [3.]] -> [[-1.4142135], [-0.70710677], [0.]]
        float[] y = Normalize([1, 2, 3], [3], [2], 3, [1], [1], invert: false);
        Assert.Equal([-1.4142135f, -0.70710677f, 0f], y);

        // Adapted on [[0, 7, 4], [2, 9, 6], ...]: mean (1, 8, 5), variance (1, 1, 1); [[0, 7, 4]] -> [-1, -1, -1],
        // and inverted, [[1, 2, 3]] -> [2, 10, 8].
        Assert.Equal([-1f, -1f, -1f], Normalize([0, 7, 4], [1, 8, 5], [1, 1, 1], 1, [3], [3], invert: false));
        Assert.Equal([2f, 10f, 8f], Normalize([1, 2, 3], [1, 8, 5], [1, 1, 1], 1, [3], [3], invert: true));
    }

    [Fact]
    public void Normalization_divides_by_at_least_epsilon()
    {
        float[] y = Normalize([1, 1], [1], [0], 2, [1], [1], invert: false);
        Assert.Equal([0f, 0f], y);
        Assert.Equal(1e7f, Normalize([2], [1], [0], 1, [1], [1], invert: false)[0], 1);
    }

    [Theory]
    [InlineData(new[] { 2, 3, 4 }, new[] { 1, 1, 4 })]
    [InlineData(new[] { 2, 3, 4 }, new[] { 2, 1, 1 })]
    [InlineData(new[] { 2, 3, 4 }, new[] { 1, 3, 1 })]
    [InlineData(new[] { 2, 3, 4 }, new[] { 2, 1, 4 })]
    [InlineData(new[] { 2, 3, 4 }, new[] { 1, 1, 1 })]
    public void Normalization_finds_each_values_statistic_and_its_gradient_matches_finite_differences(int[] shape, int[] kept)
    {
        const int batch = 2;
        int size = shape.Aggregate(1, (p, d) => p * d), statistics = kept.Aggregate(1, (p, d) => p * d);
        float[] x = Random(batch * size, 1), mean = Random(statistics, 2), variance = Random(statistics, 3).Select(v => v + 1.5f).ToArray();
        foreach (bool invert in new[] { false, true })
        {
            float[] y = Normalize(x, mean, variance, batch, shape, kept, invert);
            for (int i = 0; i < y.Length; i++)
            {
                int k = Statistic(i % size, shape, kept);
                float std = MathF.Sqrt(variance[k]);
                Assert.Equal(invert ? mean[k] + (x[i] * std) : (x[i] - mean[k]) / std, y[i], 5);
            }

            float[] r = Random(batch * size, 4);
            var dx = new float[batch * size];
            NormalizationKernel.Backward(r, variance, dx, new float[statistics], batch, shape, kept, invert, accumulate: false);
            AssertGradient(x, dx, () => Dot(r, Normalize(x, mean, variance, batch, shape, kept, invert)), "dx");
        }
    }

    [Fact]
    public void CategoryEncoding_reproduces_keras_docstring_examples()
    {
        var oneHot = new float[16];
        CategoryEncodingKernel.OneHot([3, 2, 0, 1], oneHot, 4);
        Assert.Equal([0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0], oneHot);

        float[] pairs = [0, 1, 0, 0, 1, 2, 3, 1];
        var multiHot = new float[16];
        CategoryEncodingKernel.MultiHot(pairs, multiHot, 2, 4, count: false);
        Assert.Equal([1, 1, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1], multiHot);

        var counts = new float[16];
        CategoryEncodingKernel.MultiHot(pairs, counts, 2, 4, count: true);
        Assert.Equal([1, 1, 0, 0, 2, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1], counts);
    }

    [Theory]
    [InlineData(4f)]
    [InlineData(-1f)]
    [InlineData(1.5f)]
    public void CategoryEncoding_rejects_values_that_are_not_token_ids(float value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CategoryEncodingKernel.OneHot([0, value], new float[8], 4));
        Assert.Contains("at position 1 of the batch is not a token id: ids must be whole numbers in [0, 4)", error.Message);
    }

    [Fact]
    public void Discretization_reproduces_keras_docstring_example()
    {
        // [[-1.5, 1.0, 3.4, .5], [0.0, 3.0, 1.3, 0.0]] with bin_boundaries [0., 1., 2.] -> [[0, 2, 3, 1], [1, 3, 2, 1]]
        var bins = new float[8];
        DiscretizationKernel.Forward([-1.5f, 1.0f, 3.4f, 0.5f, 0.0f, 3.0f, 1.3f, 0.0f], bins, [0, 1, 2]);
        Assert.Equal([0, 2, 3, 1, 1, 3, 2, 1], bins);
    }

    [Fact]
    public void Piecewise_constant_layers_pass_no_gradient()
    {
        float[] dx = [1, 2];
        CategoryEncodingKernel.NoGradient(dx, accumulate: true);
        Assert.Equal([1f, 2f], dx);
        CategoryEncodingKernel.NoGradient(dx, accumulate: false);
        Assert.Equal([0f, 0f], dx);
    }

    private static float[] Normalize(float[] x, float[] mean, float[] variance, int batch, int[] shape, int[] kept, bool invert)
    {
        var y = new float[x.Length];
        NormalizationKernel.Forward(x, mean, variance, y, new float[mean.Length], batch, shape, kept, invert);
        return y;
    }

    /// <summary>The statistic of a sample position, from its coordinates on the kept axes (row-major).</summary>
    private static int Statistic(int index, int[] shape, int[] kept)
    {
        var coordinates = new int[shape.Length];
        for (int a = shape.Length - 1; a >= 0; a--)
        {
            coordinates[a] = index % shape[a];
            index /= shape[a];
        }

        int k = 0;
        for (int a = 0; a < shape.Length; a++)
        {
            k = kept[a] == 1 ? k : (k * kept[a]) + coordinates[a];
        }

        return k;
    }
}

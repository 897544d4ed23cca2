using StaticKeras.IntegrationTests.TestModels;
using StaticKeras.Kernels;
using StaticKeras.Testing;

namespace StaticKeras.IntegrationTests.Convolution;

/// <summary>The convolution layers as generated models: gradients, inference against the kernels, the prepared kernel, determinism and allocation.</summary>
[Collection(nameof(KernelThreadsCollection))]
public sealed class ConvolutionLayerTests
{
    [Fact]
    public void Every_gradient_through_the_2D_convolutions_and_batch_normalization_matches_finite_differences()
    {
        var model = new ConvolutionStack(seed: 5);
        model.Compile(new SGD(), Losses.MeanSquaredError);
        float[] x = FiniteDifferences.Random(3 * ConvolutionStack.InputSize, 6);
        float[] y = FiniteDifferences.Random(3 * ConvolutionStack.OutputSize, 7);
        GradientCheckResult result = GradientCheck.Run(model, x, y, valuesPerWeight: int.MaxValue);
        Assert.True(result.Passed, result.ToString());
        Assert.True(result.Checked > 600, result.ToString());
    }

    [Fact]
    public void Every_gradient_through_the_1D_convolutions_matches_finite_differences()
    {
        var model = new Convolution1DStack(seed: 11);
        model.Compile(new SGD(), Losses.MeanSquaredError);
        float[] x = FiniteDifferences.Random(4 * Convolution1DStack.InputSize, 8);
        float[] y = FiniteDifferences.Random(4 * Convolution1DStack.OutputSize, 9);
        GradientCheckResult result = GradientCheck.Run(model, x, y, valuesPerWeight: int.MaxValue);
        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public void Prediction_multiplies_by_the_prepared_kernel_and_follows_every_weight_change()
    {
        var model = new WinogradConv(seed: 7);
        float[] x = FiniteDifferences.Random(2 * WinogradConv.InputSize, 10);
        Assert.Equal(Reference(model, x), model.Predict(x));

        // New weights through each way in: the prepared kernel must be rebuilt before the next prediction.
        model.SetWeights(model.GetWeights().Select(w => w.Select(v => v * -0.5f).ToArray()).ToList());
        Assert.Equal(Reference(model, x), model.Predict(x));
        model.GetWeight("conv2d/kernel")[5] += 1f;
        Assert.Equal(Reference(model, x), model.Predict(x));
        model.Compile(new SGD(0.1f), Losses.MeanSquaredError);
        model.TrainOnBatch(x, FiniteDifferences.Random(2 * WinogradConv.OutputSize, 11));
        Assert.Equal(Reference(model, x), model.Predict(x));
    }

    [Fact]
    public void A_batch_larger_than_the_cache_runs_in_chunks_with_the_values_of_single_samples()
    {
        var model = new WinogradConv(seed: 8);
        const int batch = 300; // 8 KB a sample (its input and output): chunks of 128, 128 and 44
        float[] x = FiniteDifferences.Random(batch * WinogradConv.InputSize, 14);
        var whole = new float[batch * WinogradConv.OutputSize];
        model.Predict(x, whole);
        var one = new float[WinogradConv.OutputSize];
        foreach (int sample in new[] { 0, 127, 128, 299 })
        {
            model.Predict(x.AsSpan(sample * WinogradConv.InputSize, WinogradConv.InputSize), one);
            Assert.Equal(one, whole.AsSpan(sample * WinogradConv.OutputSize, WinogradConv.OutputSize).ToArray());
        }
    }

    [Fact]
    public void Training_gives_the_same_bits_on_one_thread_and_on_two()
    {
        float[] Train(int threads)
        {
            int saved = KernelOptions.Threads;
            KernelOptions.Threads = threads;
            try
            {
                var model = new ConvolutionStack(seed: 9);
                model.Compile(new Adam(), Losses.MeanSquaredError);
                float[] x = FiniteDifferences.Random(16 * ConvolutionStack.InputSize, 12);
                float[] y = FiniteDifferences.Random(16 * ConvolutionStack.OutputSize, 13);
                for (int i = 0; i < 3; i++)
                {
                    model.TrainOnBatch(x, y);
                }

                return model.GetWeights().SelectMany(w => w).Concat(model.Predict(x)).ToArray();
            }
            finally
            {
                KernelOptions.Threads = saved;
            }
        }

        Assert.Equal(Train(1), Train(2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Training_and_prediction_allocate_nothing_once_warm(int threads)
    {
        int saved = KernelOptions.Threads;
        KernelOptions.Threads = threads;
        try
        {
            var model = new ConvolutionStack(seed: 3);
            model.Compile(new Adam(), Losses.MeanSquaredError);
            float[] x = FiniteDifferences.Random(8 * ConvolutionStack.InputSize, 2);
            float[] y = FiniteDifferences.Random(8 * ConvolutionStack.OutputSize, 3);
            var output = new float[8 * ConvolutionStack.OutputSize];
            var winograd = new WinogradConv(seed: 1);
            float[] image = FiniteDifferences.Random(WinogradConv.InputSize, 4);
            var prediction = new float[WinogradConv.OutputSize];
            void Step()
            {
                model.TrainOnBatch(x, y);
                model.Predict(x, output);
                winograd.Predict(image, prediction);
            }

            for (int i = 0; i < 5; i++)
            {
                Step();
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 20; i++)
            {
                Step();
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        finally
        {
            KernelOptions.Threads = saved;
        }
    }

    /// <summary>The convolution computed by the kernel itself, transforming the kernel on the call.</summary>
    private static float[] Reference(WinogradConv model, float[] x)
    {
        int batch = x.Length / WinogradConv.InputSize;
        var geometry = new ConvGeometry(8, 8, 16, 16, 3, 3, padTop: 1, padBottom: 1, padLeft: 1, padRight: 1);
        var y = new float[batch * WinogradConv.OutputSize];
        Conv2DKernel.Forward(geometry, batch, x, model.GetWeight("conv2d/kernel"), model.GetWeight("conv2d/bias"), y, relu: true, new float[Conv2DKernel.ScratchSize(geometry)]);
        return y;
    }
}

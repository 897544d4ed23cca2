using StaticKeras.Kernels.Tests.Gemm;

namespace StaticKeras.Kernels.Tests.Convolution;

/// <summary>Every kernel of the convolution family allocates nothing once warm, on one thread and on two.</summary>
[Collection(AllocationCollection.Name)]
public sealed class ConvFamilyAllocationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Steady_state_calls_allocate_nothing(int threads)
    {
        var calls = new Calls();
        int saved = KernelOptions.Threads;
        try
        {
            KernelOptions.Threads = threads;
            for (int i = 0; i < 8; i++)
            {
                calls.Run();
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 8; i++)
            {
                calls.Run();
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        finally
        {
            KernelOptions.Threads = saved;
        }
    }

    /// <summary>One call of every kernel, on buffers allocated once (shapes large enough to use the thread pool).</summary>
    private sealed class Calls
    {
        private const int Batch = 2;
        private static readonly int[] PermuteShape = [13, 13, 32];
        private static readonly int[] Permutation = [2, 0, 1];
        private readonly ConvGeometry conv = new(13, 13, 32, 64, 3, 3);
        private readonly ConvGeometry first = new(28, 28, 1, 32, 3, 3);
        private readonly ConvGeometry depthwise = ConvGeometry.Depthwise(13, 13, 32, 1, 3, 3, padTop: 1, padBottom: 1, padLeft: 1, padRight: 1);
        private readonly ConvGeometry transposed = Conv2DTransposeKernel.Geometry(6, 6, 32, 16, 3, 3, 2, 2, 1, 1, true, null, null);
        private readonly PoolGeometry pool = new(26, 26, 32, 2, 2, 2, 2);
        private readonly float[] x = Buffer(Batch * 28 * 28 * 32), y = Buffer(Batch * 28 * 28 * 64), dy = Buffer(Batch * 28 * 28 * 64), dx = Buffer(Batch * 28 * 28 * 64);
        private readonly float[] kernel = Buffer(3 * 3 * 32 * 64), dKernel = Buffer(3 * 3 * 32 * 64), bias = Buffer(64), dBias = Buffer(64);
        private readonly float[] scratch = Buffer(1 << 20), stats = Buffer(6 * 64), moving = Buffer(2 * 64);
        private readonly SeededRandom random = new(1);

        public void Run()
        {
            Convolve(conv);
            Convolve(first);
            Convolve(depthwise);

            Conv2DTransposeKernel.Forward(transposed, Batch, x, kernel, bias.AsSpan(0, 16), y, true, scratch);
            Conv2DTransposeKernel.Backward(transposed, Batch, x, kernel, y, dy, dKernel, dBias.AsSpan(0, 16), dx, false, true, scratch);
            MaxPoolKernel.Forward(pool, Batch, x, y);
            MaxPoolKernel.Backward(pool, Batch, x, y, dy, dx, false);
            AveragePoolKernel.Forward(pool, Batch, x, y);
            AveragePoolKernel.Backward(pool, Batch, dy, dx, false);
            var shape = NormalizationShape.LastAxis(Batch * 169, 32);
            BatchNormKernel.ForwardTraining(x, bias.AsSpan(0, 32), bias.AsSpan(32, 32), moving.AsSpan(0, 32), moving.AsSpan(32, 32), y, stats.AsSpan(0, 32), stats.AsSpan(32, 32), shape, 0.99, 1e-3, scratch);
            BatchNormKernel.BackwardTraining(x, dy, bias.AsSpan(0, 32), stats.AsSpan(0, 32), stats.AsSpan(32, 32), dx, dBias.AsSpan(0, 32), dBias.AsSpan(32, 32), false, shape, scratch);
            ZeroPaddingKernel.Forward(Batch, 13, 13, 32, new SpatialMargins(1, 1, 1, 1), x, y);
            CroppingKernel.Backward(Batch, 15, 15, 32, new SpatialMargins(1, 1, 1, 1), dy, dx, false);
            UpSamplingKernel.NearestForward(Batch, 7, 7, 32, 2, 2, x, y);
            UpSamplingKernel.BilinearBackward(Batch, 7, 7, 32, 2, 2, dy, dx, false);
            PermuteKernel.Forward(Batch, PermuteShape, Permutation, x, y);
            RepeatVectorKernel.Backward(Batch, 64, 10, dy, dx, false);
            SpatialDropoutKernel.ForwardTraining(x, y, scratch, Batch, 169, 32, 0.2, random);
            GaussianDropoutKernel.ForwardTraining(x.AsSpan(0, 4096), y, scratch, 0.2, random);
        }

        private void Convolve(in ConvGeometry g)
        {
            Conv2DKernel.Forward(g, Batch, x, kernel, bias, y, true, scratch);
            Conv2DKernel.Backward(g, Batch, x, kernel, y, dy, dKernel, dBias, dx, false, true, scratch);
        }

        private static float[] Buffer(int length) => GemmReference.Random(length, length);
    }
}

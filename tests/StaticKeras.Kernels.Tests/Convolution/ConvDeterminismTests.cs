namespace StaticKeras.Kernels.Tests.Convolution;

/// <summary>
/// Threads split the products by rows or columns of their outputs (or Winograd tiles), never
/// along a sum, and the implicit GEMM and im2col sum each patch in the same order: every thread
/// count and micro-kernel gives the same bits for a given algorithm, forward and backward.
/// </summary>
public sealed class ConvDeterminismTests
{
    [Theory]
    [InlineData("CNN conv2 13x13x32 to 64", 8)]
    [InlineData("CNN conv1 28x28x1 to 32", 16)]
    [InlineData("3x3 groups 2 same", 20)]
    [InlineData("depthwise 40 channels 5x5 same", 6)]
    [InlineData("3x3 same stride 2, odd total padding", 40)]
    [InlineData("Winograd: same, odd sizes, 20 channels to 24 filters, several chunks", 9)]
    public void Every_thread_count_kernel_and_algorithm_gives_the_same_bits(string name, int batch)
    {
        ConvGeometry g = ConvCases.All[name].Geometry;
        float[] x = Random(batch * g.InputSize, 1), kernel = Random(g.KernelSize, 2), bias = Random(g.Filters, 3), dy = Random(batch * g.OutputSize, 4);
        foreach (ConvAlgorithm[] family in new[] { new[] { ConvAlgorithm.ImplicitGemm, ConvAlgorithm.Im2Col }, [ConvAlgorithm.Winograd2x2], [ConvAlgorithm.Winograd4x4, ConvAlgorithm.Automatic] })
        {
            var reference = Run(new ConvSettings(GemmRunner.Kernel, 1, family[0]));
            foreach (ConvAlgorithm algorithm in family)
            {
                foreach (ConvSettings settings in new ConvSettings[]
                {
                    new(GemmRunner.Kernel, 2, algorithm), new(GemmRunner.Kernel, 3, algorithm),
                    new(GemmKernelKind.Vector256, 2, algorithm), new(GemmKernelKind.Vector128, 1, algorithm), new(GemmKernelKind.Scalar, 2, algorithm),
                })
                {
                    var run = Run(settings);
                    Assert.True(reference.Y.AsSpan().SequenceEqual(run.Y), $"y differs with {settings}");
                    Assert.True(reference.Dx.AsSpan().SequenceEqual(run.Dx), $"dx differs with {settings}");
                    Assert.True(reference.Dk.AsSpan().SequenceEqual(run.Dk), $"dKernel differs with {settings}");
                }
            }
        }

        (float[] Y, float[] Dx, float[] Dk) Run(ConvSettings settings)
        {
            var scratch = new float[Conv2DKernel.ScratchSize(g)];
            var y = new float[batch * g.OutputSize];
            var dx = new float[x.Length];
            var dk = new float[kernel.Length];
            Conv2DKernel.Forward(g, batch, x, kernel, bias, y, relu: true, accumulate: false, scratch, settings);
            Conv2DKernel.BackwardKernel(g, batch, x, dy, dk, scratch, settings);
            Conv2DKernel.BackwardInput(g, batch, dy, kernel, dx, accumulate: false, scratch, settings);
            return (y, dx, dk);
        }
    }

    private static float[] Random(int length, int seed) => StaticKeras.Testing.FiniteDifferences.Random(length, seed);
}

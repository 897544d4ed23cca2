using StaticKeras.Kernels;

namespace StaticKeras.Kernels.Tests.Gemm;

/// <summary>
/// Every kernel, blocking and thread split sums each element's depth in the same order with one
/// fused multiply-add per step, so they must agree bit for bit; and the fused epilogue must equal
/// the product followed by the separate bias and activation.
/// </summary>
public class GemmDeterminismTests
{
    [Theory]
    [InlineData(false, false, 257, 300, 600)]
    [InlineData(true, false, 300, 257, 129)]
    [InlineData(false, true, 129, 530, 300)]
    [InlineData(false, false, 128, 128, 784)]
    [InlineData(false, false, 1, 10, 1600)] // one narrow row: GemmSmall's NarrowRow against the tiled kernels
    [InlineData(true, false, 1, 15, 300)]
    [InlineData(false, false, 1, 3, 700)]
    public void Threads_and_kernels_give_the_same_bits(bool transposeA, bool transposeB, int m, int n, int k)
    {
        float[] a = GemmReference.Random(m * k, 1), b = GemmReference.Random(k * n, 2), bias = GemmReference.Random(n, 3);
        float[] single = Run(GemmKernelKind.Vector512, 1);
        Assert.Equal(single, Run(GemmKernelKind.Vector512, 2));
        Assert.Equal(single, Run(GemmKernelKind.Vector512, 3));
        Assert.Equal(single, Run(GemmKernelKind.Vector256, 2));
        Assert.Equal(single, Run(GemmKernelKind.Vector128, 1));
        Assert.Equal(single, Run(GemmKernelKind.Vector128, 2));
        Assert.Equal(single, Run(GemmKernelKind.Scalar, 2));

        float[] Run(GemmKernelKind kernel, int threads)
        {
            var c = new float[m * n];
            Kernels.Gemm.Multiply(a, transposeA, b, transposeB, c, m, n, k, false, bias, GemmActivation.ReluInRegisters, kernel, threads);
            return c;
        }
    }

    [Theory]
    [InlineData("relu", 37, 70, 50)]
    [InlineData("sigmoid", 37, 70, 50)]
    [InlineData("tanh", 130, 33, 300)]
    [InlineData("linear", 3, 5, 7)]
    public void Fused_epilogue_equals_product_then_bias_then_activation(string activation, int m, int n, int k)
    {
        var module = Activations.ActivationCase.For(activation);
        float[] a = GemmReference.Random(m * k, 4), b = GemmReference.Random(k * n, 5), bias = GemmReference.Random(n, 6);
        foreach (int threads in new[] { 1, 2 })
        {
            var fused = new float[m * n];
            module.Gemm(a, b, fused, m, n, k, bias, GemmKernelKind.Vector512, threads);

            var separate = new float[m * n];
            Kernels.Gemm.Multiply(a, false, b, false, separate, m, n, k, false, [], GemmActivation.None, GemmKernelKind.Vector512, threads);
            for (int r = 0; r < m; r++)
            {
                Span<float> row = separate.AsSpan(r * n, n);
                System.Numerics.Tensors.TensorPrimitives.Add(row, bias, row);
            }

            module.Forward(separate, separate, n);
            float[] reference = GemmReference.Multiply(a, false, b, false, new float[m * n], m, n, k, false, bias, activation);
            GemmReference.AssertClose(reference, fused, k, $"{activation} threads={threads}");
            GemmReference.AssertClose(separate, fused, 1, $"{activation} threads={threads} fused vs separate");
        }
    }

    [Fact]
    public void Every_kernel_rounds_a_halfway_sum_once()
    {
        // C[0, 0] = 1·z + x·y, where x·y + z rounded to double lands halfway between two floats.
        const int m = 6, n = 8, k = 64;
        float x = BitConverter.Int32BitsToSingle(0x3F800001), y = BitConverter.Int32BitsToSingle(0x337FFFFE), z = x;
        float[] a = new float[m * k], b = new float[k * n];
        a[0] = 1f;
        a[1] = x;
        b[0] = z;
        b[n] = y;
        foreach (GemmKernelKind kernel in Enum.GetValues<GemmKernelKind>())
        {
            var c = new float[m * n];
            Kernels.Gemm.Multiply(a, false, b, false, c, m, n, k, false, [], GemmActivation.None, kernel, 1);
            Assert.True(MathF.FusedMultiplyAdd(x, y, z) == c[0], $"{kernel}: {c[0]:R}");
        }
    }

    [Fact]
    public void Relu_epilogue_keeps_NaN()
    {
        float[] a = [float.NaN, 1f], b = [1f, 1f], c = new float[1];
        Kernels.Gemm.Multiply<StaticKeras.Activations.Relu>(a, false, b, false, c, 1, 1, 2, false, [0f]);
        Assert.True(float.IsNaN(c[0]));
    }
}

using static StaticKeras.Testing.FiniteDifferences;

namespace StaticKeras.Kernels.Tests.Reshaping;

/// <summary>ZeroPadding, Cropping, UpSampling (nearest and bilinear), Permute and RepeatVector against their definitions and finite differences.</summary>
public sealed class ReshapingTests
{
    [Theory]
    [InlineData(3, 4, 5, 1, 2, 0, 3)]
    [InlineData(1, 6, 3, 0, 0, 2, 1)] // 1D: steps only
    public void Zero_padding_places_x_and_crops_the_gradient(int h, int w, int c, int top, int bottom, int left, int right)
    {
        const int batch = 2;
        var m = new SpatialMargins(top, bottom, left, right);
        int oh = h + top + bottom, ow = w + left + right;
        float[] x = Random(batch * h * w * c, 1), y = Random(batch * oh * ow * c, 2);
        ZeroPaddingKernel.Forward(batch, h, w, c, m, x, y);
        for (int b = 0; b < batch; b++)
        {
            for (int i = 0; i < oh; i++)
            {
                for (int j = 0; j < ow; j++)
                {
                    for (int k = 0; k < c; k++)
                    {
                        bool inside = i >= top && i < top + h && j >= left && j < left + w;
                        float expected = inside ? x[(((((b * h) + i - top) * w) + j - left) * c) + k] : 0f;
                        Assert.Equal(expected, y[(((((b * oh) + i) * ow) + j) * c) + k]);
                    }
                }
            }
        }

        CheckGradient(x, batch * oh * ow * c, (input, output) => ZeroPaddingKernel.Forward(batch, h, w, c, m, input, output), (dy, dx) => ZeroPaddingKernel.Backward(batch, h, w, c, m, dy, dx, false));
    }

    [Theory]
    [InlineData(6, 7, 3, 1, 2, 3, 0)]
    [InlineData(1, 9, 2, 0, 0, 2, 3)]
    public void Cropping_is_the_adjoint_of_padding(int h, int w, int c, int top, int bottom, int left, int right)
    {
        const int batch = 2;
        var m = new SpatialMargins(top, bottom, left, right);
        int oh = h - top - bottom, ow = w - left - right;
        float[] x = Random(batch * h * w * c, 3), y = new float[batch * oh * ow * c];
        CroppingKernel.Forward(batch, h, w, c, m, x, y);
        var back = new float[x.Length];
        ZeroPaddingKernel.Forward(batch, oh, ow, c, m, y, back);
        var cropped = new float[y.Length];
        CroppingKernel.Forward(batch, h, w, c, m, back, cropped);
        Assert.Equal(y, cropped);
        CheckGradient(x, y.Length, (input, output) => CroppingKernel.Forward(batch, h, w, c, m, input, output), (dy, dx) => CroppingKernel.Backward(batch, h, w, c, m, dy, dx, false));
        Assert.Throws<ArgumentException>(() => CroppingKernel.Forward(1, 2, 2, 1, new SpatialMargins(1, 1, 0, 0), new float[4], new float[4]));
    }

    [Fact]
    public void Nearest_upsampling_repeats_rows_and_columns_as_Keras()
    {
        // Keras's docstring example: x of shape (2, 2, 1, 3), UpSampling2D(size=(1, 2)).
        float[] x = Enumerable.Range(0, 12).Select(i => (float)i).ToArray(), y = new float[24];
        UpSamplingKernel.NearestForward(2, 2, 1, 3, 1, 2, x, y);
        Assert.Equal([0f, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5, 6, 7, 8, 6, 7, 8, 9, 10, 11, 9, 10, 11], y);
        float[] input = Random(2 * 3 * 2 * 17, 4);
        CheckGradient(input, 2 * 6 * 6 * 17, (a, b) => UpSamplingKernel.NearestForward(2, 3, 2, 17, 2, 3, a, b), (dy, dx) => UpSamplingKernel.NearestBackward(2, 3, 2, 17, 2, 3, dy, dx, false));
    }

    [Fact]
    public void Bilinear_upsampling_is_TensorFlows_half_pixel_resize()
    {
        // tf.image.resize([[1, 2], [3, 4]], (4, 4), "bilinear").
        float[] y = new float[16];
        UpSamplingKernel.BilinearForward(1, 2, 2, 1, 2, 2, [1f, 2, 3, 4], y);
        Assert.Equal([1f, 1.25f, 1.75f, 2, 1.5f, 1.75f, 2.25f, 2.5f, 2.5f, 2.75f, 3.25f, 3.5f, 3, 3.25f, 3.75f, 4], y);
        float[] input = Random(2 * 3 * 4 * 19, 5);
        CheckGradient(input, 2 * 9 * 8 * 19, (a, b) => UpSamplingKernel.BilinearForward(2, 3, 4, 19, 3, 2, a, b), (dy, dx) => UpSamplingKernel.BilinearBackward(2, 3, 4, 19, 3, 2, dy, dx, false));
    }

    [Theory]
    [InlineData(new[] { 2, 3, 4 }, new[] { 2, 0, 1 })]
    [InlineData(new[] { 2, 3, 4 }, new[] { 1, 0, 2 })] // the last axis stays: rows copied whole
    [InlineData(new[] { 5, 7 }, new[] { 1, 0 })]
    public void Permute_moves_axes_and_its_backward_is_the_inverse(int[] shape, int[] permutation)
    {
        const int batch = 2;
        int size = shape.Aggregate(1, (a, b) => a * b);
        float[] x = Random(batch * size, 6), y = new float[x.Length];
        PermuteKernel.Forward(batch, shape, permutation, x, y);
        int[] outShape = permutation.Select(p => shape[p]).ToArray();
        for (int b = 0; b < batch; b++)
        {
            for (int o = 0; o < size; o++)
            {
                int[] outIndex = Unravel(o, outShape);
                var inIndex = new int[shape.Length];
                for (int k = 0; k < shape.Length; k++)
                {
                    inIndex[permutation[k]] = outIndex[k];
                }

                Assert.Equal(x[(b * size) + Ravel(inIndex, shape)], y[(b * size) + o]);
            }
        }

        CheckGradient(x, y.Length, (a, c) => PermuteKernel.Forward(batch, shape, permutation, a, c), (dy, dx) => PermuteKernel.Backward(batch, shape, permutation, dy, dx, false));
        Assert.Throws<ArgumentException>(() => PermuteKernel.Forward(1, shape, permutation.Select(_ => 0).ToArray(), x, y));
    }

    [Fact]
    public void Repeat_vector_copies_each_sample_and_sums_its_gradient()
    {
        float[] x = Random(3 * 20, 7), y = new float[3 * 4 * 20];
        RepeatVectorKernel.Forward(3, 20, 4, x, y);
        for (int b = 0; b < 3; b++)
        {
            for (int i = 0; i < 4; i++)
            {
                Assert.Equal(x.AsSpan(b * 20, 20).ToArray(), y.AsSpan(((b * 4) + i) * 20, 20).ToArray());
            }
        }

        CheckGradient(x, y.Length, (a, c) => RepeatVectorKernel.Forward(3, 20, 4, a, c), (dy, dx) => RepeatVectorKernel.Backward(3, 20, 4, dy, dx, false));
    }

    /// <summary>The backward pass against finite differences of <c>Σ r · forward(x)</c>; then that it adds when asked.</summary>
    private static void CheckGradient(float[] x, int outputs, Action<float[], float[]> forward, Action<float[], float[]> backward)
    {
        float[] r = Random(outputs, 99), y = new float[outputs], dx = new float[x.Length];
        double Loss()
        {
            forward(x, y);
            return Dot(r, y);
        }

        backward(r, dx);
        AssertGradient(x, dx, Loss, "dx");
    }

    private static int[] Unravel(int index, int[] shape)
    {
        var result = new int[shape.Length];
        for (int k = shape.Length - 1; k >= 0; k--)
        {
            result[k] = index % shape[k];
            index /= shape[k];
        }

        return result;
    }

    private static int Ravel(int[] index, int[] shape) => index.Select((v, k) => (v, k)).Aggregate(0, (acc, p) => (acc * shape[p.k]) + p.v);
}

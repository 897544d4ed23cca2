using static StaticKeras.Testing.FiniteDifferences;

namespace StaticKeras.Kernels.Tests.Preprocessing;

/// <summary>
/// The affine resampler against Keras's documented fill modes and TensorFlow's interpolation,
/// and its backward pass against the transpose (adjoint identity) and finite differences.
/// </summary>
public sealed class AffineTransformKernelTests
{
    /// <summary>A translation map that reads the input at (x − dx, y − dy).</summary>
    private static float[] Shift(float dx, float dy) => [1, 0, -dx, 0, 1, -dy];

    private static float[] Transform(float[] image, float[] map, int height, int width, FillMode fill, Interpolation interpolation = Interpolation.Bilinear, float fillValue = 0, int channels = 1)
    {
        var y = new float[image.Length];
        AffineTransformKernel.Forward(image, y, map, 1, height, width, channels, fill, interpolation, fillValue);
        return y;
    }

    // Keras's docstring of fill_mode, for a row a b c d = 1 2 3 4 shifted right by two pixels:
    // reflect (d c b a | a b c d | d c b a), wrap (a b c d | a b c d), nearest (a a | a b c d),
    // constant (k k | a b c d).
    [Theory]
    [InlineData(FillMode.Reflect, new float[] { 2, 1, 1, 2 })]
    [InlineData(FillMode.Wrap, new float[] { 3, 4, 1, 2 })]
    [InlineData(FillMode.Nearest, new float[] { 1, 1, 1, 2 })]
    [InlineData(FillMode.Constant, new float[] { 9, 9, 1, 2 })]
    public void Fill_modes_extend_the_image_as_keras_documents(FillMode fill, float[] expected)
    {
        float[] row = [1, 2, 3, 4];
        Assert.Equal(expected, Transform(row, Shift(2, 0), 1, 4, fill, fillValue: 9));
        Assert.Equal(expected, Transform(row, Shift(2, 0), 1, 4, fill, Interpolation.Nearest, fillValue: 9));
    }

    [Fact]
    public void A_half_pixel_shift_blends_neighbours_bilinearly_and_rounds_away_from_zero_for_nearest()
    {
        float[] row = [0, 10, 20, 30];
        Assert.Equal([0, 5, 15, 25], Transform(row, Shift(0.5f, 0), 1, 4, FillMode.Nearest));

        // x − 0.5 for x = 1 is 0.5, which rounds to 1 (std::round), so nearest reads the right neighbour.
        Assert.Equal([0, 10, 20, 30], Transform(row, Shift(0.5f, 0), 1, 4, FillMode.Nearest, Interpolation.Nearest));
    }

    [Fact]
    public void A_half_turn_about_the_centre_reverses_the_image()
    {
        const int height = 3, width = 4;
        float[] image = Enumerable.Range(0, height * width).Select(i => (float)i).ToArray();
        var map = new float[6];
        ImageTransforms.Rotations(map, 1, height, width, 0.5f, 0.5f, new SeededRandom(1));
        float[] rotated = Transform(image, map, height, width, FillMode.Constant);
        float[] expected = image.Reverse().ToArray();
        for (int i = 0; i < image.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - rotated[i]) < 1e-4, $"pixel {i}: {rotated[i]} instead of {expected[i]}");
        }
    }

    [Fact]
    public void Rotations_keep_the_centre_and_zoom_of_factor_zero_is_the_identity()
    {
        var map = new float[6 * 4];
        ImageTransforms.Rotations(map, 4, 5, 7, -0.3f, 0.3f, new SeededRandom(2));
        for (int b = 0; b < 4; b++)
        {
            float cx = 3, cy = 2;
            Assert.Equal(cx, (map[(6 * b) + 0] * cx) + (map[(6 * b) + 1] * cy) + map[(6 * b) + 2], 4);
            Assert.Equal(cy, (map[(6 * b) + 3] * cx) + (map[(6 * b) + 4] * cy) + map[(6 * b) + 5], 4);
        }

        float[] image = Random(5 * 7 * 2, 3);
        var zoom = new float[6];
        ImageTransforms.Zooms(zoom, 1, 5, 7, 0, 0, 0, 0, keepAspect: true, new SeededRandom(3));
        Assert.Equal(image, Transform(image, zoom, 5, 7, FillMode.Reflect, channels: 2));
    }

    [Fact]
    public void A_zoom_by_two_reads_twice_as_far_from_the_centre()
    {
        // zx = zy = 2 (factor +1: zoom out): output column x reads 2x − 1.5 on a row of 4.
        float[] row = [0, 10, 20, 30];
        float[] map = [2, 0, 1.5f * (1 - 2), 0, 2, 0];
        Assert.Equal([0, 5, 25, 30], Transform(row, map, 1, 4, FillMode.Nearest));
    }

    [Theory]
    [InlineData(FillMode.Reflect, Interpolation.Bilinear)]
    [InlineData(FillMode.Wrap, Interpolation.Bilinear)]
    [InlineData(FillMode.Nearest, Interpolation.Nearest)]
    [InlineData(FillMode.Constant, Interpolation.Bilinear)]
    [InlineData(FillMode.Constant, Interpolation.Nearest)]
    public void Backward_is_the_transpose_of_forward(FillMode fill, Interpolation interpolation)
    {
        const int batch = 3, height = 5, width = 6, channels = 2, size = height * width * channels;
        var maps = new float[6 * batch];
        ImageTransforms.Rotations(maps, batch, height, width, -0.2f, 0.2f, new SeededRandom(4));
        float[] x = Random(batch * size, 5), dy = Random(batch * size, 6);
        var y = new float[batch * size];
        var dx = new float[batch * size];
        AffineTransformKernel.Forward(x, y, maps, batch, height, width, channels, fill, interpolation, 0);
        AffineTransformKernel.Backward(dy, dx, maps, batch, height, width, channels, fill, interpolation, accumulate: false);

        // <T x, dy> = <x, Tᵀ dy> for every x and dy exactly when Backward is Forward's transpose.
        Assert.Equal(Dot(dy, y), Dot(x, dx), 4);

        var again = (float[])dx.Clone();
        AffineTransformKernel.Backward(dy, again, maps, batch, height, width, channels, fill, interpolation, accumulate: true);
        Assert.Equal(dx.Select(v => 2 * v), again, new FloatTolerance(1e-5f));
    }

    [Fact]
    public void Backward_matches_finite_differences_through_zoom_and_translation()
    {
        const int batch = 2, height = 4, width = 5, channels = 1, size = height * width * channels;
        var zooms = new float[6 * batch];
        var shifts = new float[6 * batch];
        ImageTransforms.Zooms(zooms, batch, height, width, -0.3f, 0.2f, -0.1f, 0.3f, keepAspect: false, new SeededRandom(7));
        ImageTransforms.Translations(shifts, batch, height, width, -0.25f, 0.25f, -0.2f, 0.2f, new SeededRandom(8));
        float[] x = Random(batch * size, 9), r = Random(batch * size, 10);
        var middle = new float[batch * size];
        var y = new float[batch * size];
        double Loss()
        {
            AffineTransformKernel.Forward(x, middle, zooms, batch, height, width, channels, FillMode.Reflect, Interpolation.Bilinear, 0);
            AffineTransformKernel.Forward(middle, y, shifts, batch, height, width, channels, FillMode.Constant, Interpolation.Bilinear, 0.7f);
            return Dot(r, y);
        }

        Loss();
        var dMiddle = new float[batch * size];
        var dx = new float[batch * size];
        AffineTransformKernel.Backward(r, dMiddle, shifts, batch, height, width, channels, FillMode.Constant, Interpolation.Bilinear, accumulate: false);
        AffineTransformKernel.Backward(dMiddle, dx, zooms, batch, height, width, channels, FillMode.Reflect, Interpolation.Bilinear, accumulate: false);
        AssertGradient(x, dx, Loss, "dx");
    }

    [Fact]
    public void Draws_are_reproducible_from_the_seed_and_stay_in_their_ranges()
    {
        var a = new float[6 * 50];
        var b = new float[6 * 50];
        ImageTransforms.Translations(a, 50, 10, 20, -0.1f, 0.2f, 0.0f, 0.5f, new SeededRandom(11));
        ImageTransforms.Translations(b, 50, 10, 20, -0.1f, 0.2f, 0.0f, 0.5f, new SeededRandom(11));
        Assert.Equal(a, b);
        for (int i = 0; i < 50; i++)
        {
            float dx = -a[(6 * i) + 2], dy = -a[(6 * i) + 5];
            Assert.InRange(dy, -1f, 2f);
            Assert.InRange(dx, 0f, 10f);
        }
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Abs(a));

        public int GetHashCode(float value) => 0;
    }
}

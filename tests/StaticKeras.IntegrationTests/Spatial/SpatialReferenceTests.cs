using System.Text.Json;
using StaticKeras.IntegrationTests.TestModels;
using StaticKeras.Testing;

namespace StaticKeras.IntegrationTests.Spatial;

/// <summary>
/// Generated pooling and reshaping layers predict Keras's reference cases and scalar references
/// written from Keras's formulas, so the lowerings pass the kernels the right geometry.
/// </summary>
public sealed class SpatialReferenceTests
{
    [Theory]
    [InlineData("maxpool2d_2x2_valid")]
    [InlineData("avgpool2d_2x2_valid")]
    public void Pooling_predicts_the_keras_reference_case(string id)
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "keras_ref", "layers", id + ".json")));
        JsonElement root = json.RootElement;
        float[] x = Floats(root.GetProperty("inputs").GetProperty("x")), expected = Floats(root.GetProperty("expected").GetProperty("y"));
        double rtol = root.GetProperty("tolerance").GetProperty("rtol").GetDouble(), atol = root.GetProperty("tolerance").GetProperty("atol").GetDouble();
        Model model = id.StartsWith("max", StringComparison.Ordinal) ? new KerasMaxPool(seed: 1) : new KerasAveragePool(seed: 1);
        float[] y = model.Predict(x);
        Assert.Equal(expected.Length, y.Length);
        for (int i = 0; i < y.Length; i++)
        {
            Assert.True(Math.Abs(y[i] - expected[i]) <= atol + (rtol * Math.Abs(expected[i])), $"{id}: y[{i}] = {y[i]}, Keras gives {expected[i]}");
        }
    }

    [Fact]
    public void Same_average_pooling_averages_the_real_elements_with_the_odd_padding_after()
    {
        // 6 rows, pool 3, stride 2: 3 windows, total padding 1 (0 before, 1 after); 7 columns, pool 2: 4 windows, (0, 1).
        float[] x = FiniteDifferences.Random(2 * 6 * 7 * 3, 1);
        float[] expected = new float[2 * 3 * 4 * 3];
        for (int b = 0; b < 2; b++)
        {
            for (int oh = 0; oh < 3; oh++)
            {
                for (int ow = 0; ow < 4; ow++)
                {
                    for (int c = 0; c < 3; c++)
                    {
                        double sum = 0;
                        int count = 0;
                        for (int h = oh * 2; h < Math.Min(oh * 2 + 3, 6); h++)
                        {
                            for (int w = ow * 2; w < Math.Min(ow * 2 + 2, 7); w++, count++)
                            {
                                sum += x[(((b * 6) + h) * 7 + w) * 3 + c];
                            }
                        }

                        expected[(((b * 3) + oh) * 4 + ow) * 3 + c] = (float)(sum / count);
                    }
                }
            }
        }

        AssertClose(expected, new SameAveragePool(seed: 1).Predict(x), 1e-6);
    }

    [Fact]
    public void Global_pooling_is_the_mean_and_maximum_of_each_channel()
    {
        float[] x = FiniteDifferences.Random(3 * 4 * 2, 2);
        float[] Channel(int c) => x.Where((_, i) => i % 2 == c).ToArray();
        float[] statistics = [Channel(0).Average(), Channel(1).Average(), Channel(0).Max(), Channel(1).Max()];
        AssertClose([.. statistics, .. statistics], new GlobalPools(seed: 1).Predict(x), 1e-6);
    }

    [Fact]
    public void Padding_then_cropping_moves_the_image_by_the_margins()
    {
        // Padded (1, 2, 3, 4): (6, 11, 2) with the image at rows 1..3, columns 3..6; cropped (0, 3, 2, 1): rows 0..2, columns 2..9.
        float[] x = FiniteDifferences.Random(3 * 4 * 2, 3);
        var expected = new float[3 * 8 * 2];
        for (int h = 0; h < 3; h++)
        {
            for (int w = 0; w < 8; w++)
            {
                (int ph, int pw) = (h - 1, w + 2 - 3); // back through the padding
                for (int c = 0; c < 2; c++)
                {
                    expected[((h * 8) + w) * 2 + c] = ph is >= 0 and < 3 && pw is >= 0 and < 4 ? x[((ph * 4) + pw) * 2 + c] : 0f;
                }
            }
        }

        Assert.Equal(expected, new PadThenCrop(seed: 1).Predict(x));
    }

    [Fact]
    public void Permute_upsampling_and_repeat_place_values_as_keras_does()
    {
        // [[1, 2, 3], [4, 5, 6]] -> Permute(2, 1): [[1, 4], [2, 5], [3, 6]] -> UpSampling1D(2) -> flattened, twice.
        float[] once = [1, 4, 1, 4, 2, 5, 2, 5, 3, 6, 3, 6];
        Assert.Equal([.. once, .. once], new Rearranged(seed: 1).Predict([1f, 2, 3, 4, 5, 6]));
    }

    [Fact]
    public void Bilinear_upsampling_is_the_half_pixel_resize()
    {
        float[] x = FiniteDifferences.Random(2 * 3 * 2, 4);
        var expected = new float[4 * 9 * 2];
        for (int oh = 0; oh < 4; oh++)
        {
            (int h0, int h1, double fh) = Source(oh, 2, 2);
            for (int ow = 0; ow < 9; ow++)
            {
                (int w0, int w1, double fw) = Source(ow, 3, 3);
                for (int c = 0; c < 2; c++)
                {
                    double At(int h, int w) => x[((h * 3) + w) * 2 + c];
                    double top = At(h0, w0) + (fw * (At(h0, w1) - At(h0, w0)));
                    double bottom = At(h1, w0) + (fw * (At(h1, w1) - At(h1, w0)));
                    expected[((oh * 9) + ow) * 2 + c] = (float)(top + (fh * (bottom - top)));
                }
            }
        }

        AssertClose(expected, new Bilinear(seed: 1).Predict(x), 1e-6);
    }

    /// <summary>TensorFlow's half-pixel source of output <paramref name="o"/>: <c>(o + 0.5) / size − 0.5</c>, its neighbours clamped to the input.</summary>
    private static (int Lower, int Upper, double Fraction) Source(int o, int size, int length)
    {
        double source = ((o + 0.5) / size) - 0.5;
        double floor = Math.Floor(source);
        return (Math.Max((int)floor, 0), Math.Min((int)Math.Ceiling(source), length - 1), source - floor);
    }

    private static float[] Floats(JsonElement tensor) => tensor.GetProperty("data").EnumerateArray().Select(e => e.GetSingle()).ToArray();

    private static void AssertClose(float[] expected, float[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"[{i}] = {actual[i]}, expected {expected[i]}");
        }
    }
}

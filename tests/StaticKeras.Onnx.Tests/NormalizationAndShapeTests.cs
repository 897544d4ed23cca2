using StaticKeras.Onnx;

namespace StaticKeras.Onnx.Tests;

/// <summary>BatchNormalization, LayerNormalization, and the layers that move values: Flatten, Reshape, Permute, Concatenate, merges, padding, up-sampling, Dropout, Embedding.</summary>
public sealed class NormalizationAndShapeTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void BatchNormalization_at_inference_normalises_the_last_axis_with_the_moving_statistics(int rank)
    {
        long[] shape = rank == 2 ? [3, 5] : [2, 3, 4, 5];
        Tensor x = Tensor.Random(1, shape);
        float[] gamma = Tensor.Random(2, 5).Data, beta = Tensor.Random(3, 5).Data, mean = Tensor.Random(4, 5).Data;
        float[] variance = [.. Tensor.Random(5, 5).Data.Select(v => v + 1.5f)];
        float[] y = Ort.RunLayer(x, shape, (g, input) => g.BatchNormalization("batch_normalization", input, gamma, beta, mean, variance, rank));
        // keras/src/layers/normalization/batch_normalization.py, training=False.
        float[] expected = [.. x.Data.Select((v, i) => (float)((gamma[i % 5] * (v - mean[i % 5]) / Math.Sqrt(variance[i % 5] + 1e-3)) + beta[i % 5]))];
        Close.Equal(expected, y);
    }

    [Fact]
    public void LayerNormalization_uses_the_biased_variance_of_the_last_axis()
    {
        Tensor x = Tensor.Random(6, 2, 3, 8);
        float[] gamma = Tensor.Random(7, 8).Data, beta = Tensor.Random(8, 8).Data;
        float[] y = Ort.RunLayer(x, [2, 3, 8], (g, input) => g.LayerNormalization("layer_normalization", input, gamma, beta, 8));
        var expected = new float[x.Data.Length];
        for (int row = 0; row < 6; row++)
        {
            double[] v = [.. x.Data.AsSpan(row * 8, 8).ToArray().Select(f => (double)f)];
            double mean = v.Average(), variance = v.Select(a => (a - mean) * (a - mean)).Average();
            for (int i = 0; i < 8; i++)
            {
                expected[(row * 8) + i] = (float)((gamma[i] * (v[i] - mean) / Math.Sqrt(variance + 1e-3)) + beta[i]);
            }
        }

        Close.Equal(expected, y);
    }

    [Fact]
    public void Flatten_keeps_the_channels_last_order_and_Reshape_keeps_the_batch()
    {
        Tensor x = Tensor.Random(9, 2, 3, 4, 5);
        Close.Equal(x.Data, Ort.RunLayer(x, [2, 60], (g, input) => g.Flatten("flatten", input)));
        Close.Equal(x.Data, Ort.RunLayer(x, [2, 12, 5], (g, input) => g.Reshape("reshape", input, [12, 5])));
        Close.Equal(x.Data, Ort.RunLayer(x, [2, 6, 10], (g, input) => g.Reshape("reshape", input, [-1, 10])));
    }

    [Fact]
    public void Permute_numbers_axes_from_one_as_Keras_does()
    {
        Tensor x = Tensor.Random(10, 2, 3, 4);
        float[] y = Ort.RunLayer(x, [2, 4, 3], (g, input) => g.Permute("permute", input, [2, 1]));
        float[] expected = [.. Enumerable.Range(0, 24).Select(i => x.Data[((i / 12) * 12) + ((i % 3) * 4) + ((i / 3) % 4)])];
        Close.Equal(expected, y);
    }

    [Fact]
    public void Concatenate_Add_and_Multiply_merge_several_layers()
    {
        Tensor x = Tensor.Random(11, 2, 3);
        float[] concatenated = Ort.RunLayer(x, [2, 9], (g, input) =>
        {
            string doubled = g.Add("add", [input, input, input]);
            string squared = g.Multiply("multiply", [input, input]);
            return g.Concatenate("concatenate", [input, doubled, squared]);
        });
        float[] expected = [.. Enumerable.Range(0, 2).SelectMany(n => x.Data.Skip(n * 3).Take(3).Concat(x.Data.Skip(n * 3).Take(3).Select(v => 3 * v)).Concat(x.Data.Skip(n * 3).Take(3).Select(v => v * v)))];
        Close.Equal(expected, concatenated);
    }

    [Fact]
    public void Subtract_Average_Maximum_and_Minimum_merge_elementwise()
    {
        Tensor x = Tensor.Random(15, 2, 3);
        float[] y = Ort.RunLayer(x, [2, 12], (g, input) =>
        {
            string negated = g.Activation("negated", input, "linear");
            negated = g.Subtract("subtract", negated, g.Add("twice", [input, input])); // x - 2x = -x
            return g.Concatenate("concatenate", [negated, g.Average("average", [input, negated]), g.Maximum("maximum", [input, negated]), g.Minimum("minimum", [input, negated])]);
        });
        float[] expected = [.. Enumerable.Range(0, 2).SelectMany(n =>
        {
            float[] row = x.Data[(n * 3)..((n * 3) + 3)];
            return row.Select(v => -v).Concat(row.Select(_ => 0f)).Concat(row.Select(Math.Abs)).Concat(row.Select(v => -Math.Abs(v)));
        })];
        Close.Equal(expected, y);
    }

    [Fact]
    public void ZeroPadding_pads_each_spatial_axis_before_and_after()
    {
        Tensor x = Tensor.Random(12, 1, 2, 2, 1);
        float[] y = Ort.RunLayer(x, [1, 5, 3, 1], (g, input) => g.ZeroPadding("zero_padding2d", input, [(1, 2), (0, 1)]));
        float[] d = x.Data;
        Close.Equal([0, 0, 0, d[0], d[1], 0, d[2], d[3], 0, 0, 0, 0, 0, 0, 0], y);
    }

    [Fact]
    public void UpSampling_nearest_repeats_pixels_and_bilinear_uses_half_pixel_centres()
    {
        var x = new Tensor([1f, 2f, 3f, 4f], [1, 2, 2, 1]);
        float[] nearest = Ort.RunLayer(x, [1, 4, 4, 1], (g, input) => g.UpSampling("up_sampling2d", input, [2, 2]));
        Close.Equal([1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4], nearest);

        // One row 1, 2 at twice the size: centres at -0.25, 0.25, 0.75, 1.25, clamped to the edges.
        var row = new Tensor([1f, 2f], [1, 2, 1]);
        float[] bilinear = Ort.RunLayer(row, [1, 4, 1], (g, input) => g.UpSampling("up_sampling1d", input, [2], "bilinear"));
        Close.Equal([1f, 1.25f, 1.75f, 2f], bilinear);
    }

    [Fact]
    public void Dropout_is_the_identity_at_inference()
    {
        Tensor x = Tensor.Random(13, 4, 6);
        Close.Equal(x.Data, Ort.RunLayer(x, [4, 6], (g, input) => g.Dropout("dropout", input, 0.5f)));
    }

    [Fact]
    public void Embedding_gathers_rows_of_the_table_for_float_indices()
    {
        var indices = new Tensor([2f, 0f, 1f, 2f], [2, 2]);
        float[] table = Tensor.Random(14, 3, 4).Data;
        float[] y = Ort.RunLayer(indices, [2, 2, 4], (g, input) => g.Embedding("embedding", input, table, inputDim: 3, outputDim: 4));
        Close.Equal([.. indices.Data.SelectMany(i => table.Skip((int)i * 4).Take(4))], y);
    }
}

using StaticKeras.Kernels.Tests.KerasReference;
using static StaticKeras.Testing.FiniteDifferences;

namespace StaticKeras.Kernels.Tests.Pooling;

/// <summary>Max and average pooling against their definitions (padding ignored, 'same' averaging over real elements), finite differences, Keras's cases and thread counts.</summary>
public sealed class PoolingTests
{
    public static readonly IReadOnlyDictionary<string, (PoolGeometry Geometry, int Batch)> Cases = new Dictionary<string, (PoolGeometry, int)>
    {
        ["2x2 valid"] = (new PoolGeometry(6, 4, 3, 2, 2, 2, 2), 2),
        ["3x3 stride 2 same, odd total padding"] = (Same(6, 7, 40, 3, 3, 2, 2), 2),
        ["3x2 stride 1 same (overlapping windows)"] = (Same(5, 4, 17, 3, 2, 1, 1), 2),
        ["2x2 valid, odd sizes: the last row and column in no window"] = (new PoolGeometry(7, 5, 18, 2, 2, 2, 2), 2),
        ["2x2 same on odd sizes"] = (Same(7, 5, 3, 2, 2, 2, 2), 2),
        ["2x2 stride 3 (gaps)"] = (new PoolGeometry(8, 7, 5, 2, 2, 3, 3), 1),
        ["1D pool 3 stride 2 same"] = (PoolGeometry.Pool1D(9, 16, 3, 2, 1, 1), 3),
        ["global 5x6"] = (PoolGeometry.Global(5, 6, 20), 3),
    };

    public static TheoryData<string, bool> Names()
    {
        var data = new TheoryData<string, bool>();
        foreach (string name in Cases.Keys)
        {
            data.Add(name, false);
            data.Add(name, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Forward_and_backward_match_the_definition(string name, bool max)
    {
        (PoolGeometry g, int batch) = Cases[name];
        float[] x = Distinct(batch * g.InputSize, 1), dy = Random(batch * g.OutputSize, 2);
        (float[] yExpected, float[] dxExpected) = Reference(g, batch, x, dy, max);
        var y = new float[batch * g.OutputSize];
        float[] dx = Random(x.Length, 3); // stale values: the backward pass must overwrite every one
        foreach (int threads in new[] { 1, 2 })
        {
            Forward(g, batch, x, y, max, threads);
            Backward(g, batch, x, y, dy, dx, max, threads);
            for (int i = 0; i < y.Length; i++)
            {
                Assert.True(Math.Abs(yExpected[i] - y[i]) <= 1e-6, $"{name} y[{i}] = {y[i]}, expected {yExpected[i]}");
            }

            for (int i = 0; i < dx.Length; i++)
            {
                Assert.True(Math.Abs(dxExpected[i] - dx[i]) <= 1e-6, $"{name} dx[{i}] = {dx[i]}, expected {dxExpected[i]}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_matches_finite_differences(string name, bool max)
    {
        (PoolGeometry g, int batch) = Cases[name];
        float[] x = Distinct(batch * g.InputSize, 3), r = Random(batch * g.OutputSize, 4);
        var y = new float[batch * g.OutputSize];
        double Loss()
        {
            Forward(g, batch, x, y, max, 1);
            return Dot(r, y);
        }

        Loss();
        var dx = new float[x.Length];
        Backward(g, batch, x, y, r, dx, max, 1);
        AssertGradient(x, dx, Loss, name, epsilon: max ? 1e-3f : 1e-2f); // a maximum is exact; an average rounds, so it needs the longer step
    }

    [Fact]
    public void Ties_send_the_gradient_to_the_first_maximum_and_backward_accumulates()
    {
        var g = new PoolGeometry(2, 2, 17, 2, 2, 2, 2);
        float[] x = Enumerable.Repeat(1f, g.InputSize).ToArray(), y = new float[g.OutputSize], dy = Enumerable.Repeat(2f, g.OutputSize).ToArray();
        float[] dx = Enumerable.Repeat(0.5f, g.InputSize).ToArray();
        MaxPoolKernel.Forward(g, 1, x, y);
        MaxPoolKernel.Backward(g, 1, x, y, dy, dx, accumulate: true);
        Assert.All(dx.AsSpan(0, 17).ToArray(), v => Assert.Equal(2.5f, v));
        Assert.All(dx.AsSpan(17).ToArray(), v => Assert.Equal(0.5f, v));
    }

    [Theory]
    [InlineData("2x2 valid")]
    [InlineData("3x3 stride 2 same, odd total padding")]
    [InlineData("3x2 stride 1 same (overlapping windows)")]
    public void Max_pooling_backward_through_a_relu_equals_routing_then_masking(string name)
    {
        (PoolGeometry g, int batch) = Cases[name];
        float[] x = Distinct(batch * g.InputSize, 5).Select(v => Math.Max(v, 0f)).ToArray(); // a ReLU's output: many zeros, ties among them
        float[] y = new float[batch * g.OutputSize], dy = Random(y.Length, 6);
        MaxPoolKernel.Forward(g, batch, x, y);
        float[] separate = new float[x.Length], fused = Random(x.Length, 7);
        MaxPoolKernel.Backward(g, batch, x, y, dy, separate, accumulate: false);
        StaticKeras.Activations.Relu.Backward(default, x, separate, separate, separate.Length);
        MaxPoolKernel.Backward(g, batch, x, y, dy, fused, accumulate: false, throughRelu: true);
        Assert.Equal(separate, fused);
        Assert.Contains(y, v => v == 0f);
    }

    [Theory]
    [InlineData("maxpool2d_2x2_valid", true)]
    [InlineData("avgpool2d_2x2_valid", false)]
    public void Pooling_matches_Keras(string id, bool max)
    {
        KerasCase c = KerasCase.Load(id);
        int[] shape = c.Shape("inputs", "x");
        int[] pool = c.Config.GetProperty("pool_size").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var g = new PoolGeometry(shape[1], shape[2], shape[3], pool[0], pool[1], pool[0], pool[1]); // strides=None is the pool size
        var y = new float[shape[0] * g.OutputSize];
        Forward(g, shape[0], c.Input("x"), y, max, 1);
        c.AssertClose(c.Expected("y"), y, "y");
    }

    [Fact]
    public void Rejects_padding_that_leaves_a_window_empty()
    {
        var e = Assert.Throws<ArgumentException>(() => new PoolGeometry(4, 4, 1, 2, 2, 2, 2, padTop: 2));
        Assert.Contains("leaves a window of 2 with no input", e.Message);
    }

    private static void Forward(in PoolGeometry g, int batch, float[] x, float[] y, bool max, int threads)
    {
        if (max)
        {
            MaxPoolKernel.Forward(g, batch, x, y, threads);
        }
        else
        {
            AveragePoolKernel.Forward(g, batch, x, y, threads);
        }
    }

    private static void Backward(in PoolGeometry g, int batch, float[] x, float[] y, float[] dy, float[] dx, bool max, int threads)
    {
        if (max)
        {
            MaxPoolKernel.Backward(g, batch, x, y, dy, dx, accumulate: false, threads);
        }
        else
        {
            AveragePoolKernel.Backward(g, batch, dy, dx, accumulate: false, threads);
        }
    }

    /// <summary>Pooling by its definition: real positions only, the first maximum gets the gradient, the average divides by the real count.</summary>
    private static (float[] Y, float[] Dx) Reference(PoolGeometry g, int batch, float[] x, float[] dy, bool max)
    {
        var y = new float[batch * g.OutputSize];
        var dx = new double[x.Length];
        for (int b = 0; b < batch; b++)
        {
            for (int oh = 0; oh < g.OutputHeight; oh++)
            {
                for (int ow = 0; ow < g.OutputWidth; ow++)
                {
                    for (int c = 0; c < g.Channels; c++)
                    {
                        var positions = new List<int>();
                        for (int ph = 0; ph < g.PoolHeight; ph++)
                        {
                            for (int pw = 0; pw < g.PoolWidth; pw++)
                            {
                                int ih = (oh * g.StrideHeight) - g.PadTop + ph, iw = (ow * g.StrideWidth) - g.PadLeft + pw;
                                if (ih >= 0 && ih < g.Height && iw >= 0 && iw < g.Width)
                                {
                                    positions.Add((((b * g.Height) + ih) * g.Width + iw) * g.Channels + c);
                                }
                            }
                        }

                        int o = (((b * g.OutputHeight) + oh) * g.OutputWidth + ow) * g.Channels + c;
                        if (max)
                        {
                            int best = positions.Aggregate((p, q) => x[q] > x[p] ? q : p);
                            y[o] = x[best];
                            dx[best] += dy[o];
                        }
                        else
                        {
                            y[o] = (float)(positions.Sum(p => (double)x[p]) / positions.Count);
                            positions.ForEach(p => dx[p] += (double)dy[o] / positions.Count);
                        }
                    }
                }
            }
        }

        return (y, dx.Select(v => (float)v).ToArray());
    }

    /// <summary>Distinct values at least 0.01 apart, shuffled: no ties, and finite differences of 1e-3 never swap a maximum.</summary>
    private static float[] Distinct(int length, int seed)
    {
        var random = new SeededRandom((ulong)seed);
        int[] order = Enumerable.Range(0, length).ToArray();
        random.Shuffle(order);
        return order.Select(i => (i - (length / 2)) * 0.01f).ToArray();
    }

    private static PoolGeometry Same(int h, int w, int c, int ph, int pw, int sh, int sw)
    {
        (int top, int bottom) = ConvPadding.Same(h, ph, sh);
        (int left, int right) = ConvPadding.Same(w, pw, sw);
        return new PoolGeometry(h, w, c, ph, pw, sh, sw, top, bottom, left, right);
    }
}

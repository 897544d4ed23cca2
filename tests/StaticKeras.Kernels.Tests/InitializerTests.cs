namespace StaticKeras.Kernels.Tests;

/// <summary>Keras's initializers: ranges and variances from fan-in and fan-out, and reproducibility by seed.</summary>
public sealed class InitializerTests
{
    private static float[] Draw(string name, int fanIn, int fanOut, int seed = 1)
    {
        var values = new float[20000];
        Initializers.Initialize(name, values, fanIn, fanOut, new SeededRandom((ulong)seed));
        return values;
    }

    private static double Std(float[] v)
    {
        double mean = v.Average(x => (double)x);
        return Math.Sqrt(v.Average(x => (x - mean) * (x - mean)));
    }

    [Fact]
    public void Glorot_uniform_stays_within_its_limit_with_the_uniform_variance()
    {
        float[] v = Draw("glorot_uniform", 100, 50);
        double limit = Math.Sqrt(6.0 / 150);
        Assert.All(v, x => Assert.InRange(x, -limit, limit));
        Assert.InRange(Std(v) / (limit / Math.Sqrt(3)), 0.97, 1.03);
    }

    [Theory]
    [InlineData("he_normal", 2.0, false)]
    [InlineData("lecun_normal", 1.0, false)]
    [InlineData("glorot_normal", 2.0, true)]
    public void Truncated_normals_have_the_variance_scaling_std(string name, double scale, bool averageFans)
    {
        const int fanIn = 64, fanOut = 16;
        float[] v = Draw(name, fanIn, fanOut);
        double target = Math.Sqrt(scale / (averageFans ? fanIn + fanOut : fanIn));
        Assert.InRange(Std(v) / target, 0.97, 1.03);
        Assert.All(v, x => Assert.InRange(Math.Abs(x), 0, 2 * target / 0.87962566103423978 + 1e-6));
    }

    [Fact]
    public void The_same_seed_gives_the_same_values_and_another_seed_different_ones()
    {
        Assert.Equal(Draw("he_uniform", 10, 10, seed: 3), Draw("he_uniform", 10, 10, seed: 3));
        Assert.NotEqual(Draw("he_uniform", 10, 10, seed: 3), Draw("he_uniform", 10, 10, seed: 4));
        Assert.All(Draw("zeros", 3, 3), x => Assert.Equal(0f, x));
        Assert.All(Draw("ones", 3, 3), x => Assert.Equal(1f, x));
    }

    [Fact]
    public void An_unknown_name_lists_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => Initializers.Initialize("glorot", new float[1], 1, 1, new SeededRandom(1)));
        Assert.Contains("glorot_uniform", error.Message);
    }
}

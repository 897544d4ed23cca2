namespace StaticKeras.Testing;

/// <summary>
/// Central finite differences for gradient checks: the numeric gradient of a scalar function of
/// a float buffer, compared with an analytic gradient within a tolerance that suits float32.
/// </summary>
public static class FiniteDifferences
{
    /// <summary>Asserts <paramref name="analytic"/> ≈ d<paramref name="f"/>/d<paramref name="values"/> at every element.</summary>
    /// <param name="values">The point; perturbed in place and restored.</param>
    /// <param name="analytic">The gradient under test.</param>
    /// <param name="f">The scalar function, evaluated in double where possible.</param>
    /// <param name="what">Name for failure messages.</param>
    /// <param name="epsilon">The step.</param>
    /// <param name="tolerance">Allowed |numeric − analytic| relative to max(1, |numeric|, |analytic|)·scale.</param>
    public static void AssertGradient(float[] values, ReadOnlySpan<float> analytic, Func<double> f, string what, float epsilon = 1e-2f, double tolerance = 2e-3)
    {
        Xunit.Assert.Equal(values.Length, analytic.Length);
        double scale = 1e-12;
        var numeric = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            float saved = values[i];
            values[i] = saved + epsilon;
            double plus = f();
            values[i] = saved - epsilon;
            double minus = f();
            values[i] = saved;
            numeric[i] = (plus - minus) / (2 * epsilon);
            scale = Math.Max(scale, Math.Abs(numeric[i]));
        }

        for (int i = 0; i < values.Length; i++)
        {
            double error = Math.Abs(numeric[i] - analytic[i]);
            Xunit.Assert.True(error <= tolerance * Math.Max(scale, 1e-3) + 1e-5, $"{what}[{i}]: analytic {analytic[i]:G6}, numeric {numeric[i]:G6} (largest |gradient| {scale:G3})");
        }
    }

    /// <summary>A reproducible random buffer in [−scale, scale].</summary>
    public static float[] Random(int length, int seed, float scale = 1f)
    {
        var random = new SeededRandom((ulong)seed);
        var values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = ((2 * random.NextSingle()) - 1) * scale;
        }

        return values;
    }

    /// <summary>Σ weights·values in double: a random projection that turns a tensor into a scalar loss.</summary>
    public static double Dot(ReadOnlySpan<float> weights, ReadOnlySpan<float> values)
    {
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += (double)weights[i] * values[i];
        }

        return sum;
    }
}

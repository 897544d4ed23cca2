using StaticKeras.Kernels;

namespace StaticKeras.Kernels.Tests.Gemm;

/// <summary>The definition of the product, in double precision, and seeded test data.</summary>
internal static class GemmReference
{
    public static float[] Multiply(float[] a, bool transposeA, float[] b, bool transposeB, float[] c, int m, int n, int k, bool accumulate, float[]? bias = null, string activation = "linear")
    {
        var result = new float[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = accumulate ? c[(i * n) + j] : 0;
                for (int p = 0; p < k; p++)
                {
                    double x = transposeA ? a[(p * m) + i] : a[(i * k) + p];
                    double y = transposeB ? b[(j * k) + p] : b[(p * n) + j];
                    sum += x * y;
                }

                sum += bias is null ? 0 : bias[j];
                result[(i * n) + j] = activation switch
                {
                    "relu" => (float)Math.Max(sum, 0),
                    "sigmoid" => (float)(1 / (1 + Math.Exp(-sum))),
                    "tanh" => (float)Math.Tanh(sum),
                    _ => (float)sum,
                };
            }
        }

        return result;
    }

    public static float[] Random(int length, int seed)
    {
        var random = new Random(seed);
        var values = new float[length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }

    /// <summary>Asserts closeness scaled to the depth (float sums of k products of values in [-1, 1]).</summary>
    public static void AssertClose(float[] expected, float[] actual, int k, string what)
    {
        double tolerance = 1e-5 * (k + 1);
        for (int i = 0; i < expected.Length; i++)
        {
            if (!(Math.Abs(expected[i] - actual[i]) <= tolerance))
            {
                Assert.Fail($"{what}: element {i} is {actual[i]}, expected {expected[i]} (tolerance {tolerance}).");
            }
        }
    }
}

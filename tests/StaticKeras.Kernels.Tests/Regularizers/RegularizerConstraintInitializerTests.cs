using static StaticKeras.Testing.FiniteDifferences;

namespace StaticKeras.Kernels.Tests.Regularizers;

/// <summary>
/// Regularizers (value from Keras's formula, gradient by finite differences), constraints (Keras's
/// projections over its axes) and the new initializers (orthogonality, variance).
/// </summary>
public sealed class RegularizerConstraintInitializerTests
{
    public static TheoryData<string> Regularizers() => new() { "l1", "l2", "l1l2", "orthogonal_rows", "orthogonal_columns" };

    private static Regularizer Create(string name) => name switch
    {
        "l1" => new L1(0.3f),
        "l2" => new L2(0.2f),
        "l1l2" => new L1L2(0.1f, 0.4f),
        "orthogonal_rows" => new OrthogonalRegularizer(0.5f),
        _ => new OrthogonalRegularizer(0.5f, mode: "columns"),
    };

    [Theory]
    [MemberData(nameof(Regularizers))]
    public void Regularizer_gradient_matches_finite_differences(string name)
    {
        Regularizer regularizer = Create(name);
        float[] w = Random(12, 3, 2f);
        int[] shape = [3, 4];
        var gradient = new float[12];
        gradient[0] = 1f;
        double value = regularizer.ComputeWithGradient(w, shape, gradient);
        gradient[0] -= 1f;
        Assert.Equal(regularizer.Compute(w, shape), value, 9);
        AssertGradient(w, gradient, () => regularizer.Compute(w, shape), name, epsilon: 1e-3f, tolerance: 5e-3);
    }

    [Fact]
    public void Regularizer_values_follow_keras_formulas()
    {
        float[] w = [1, -2, 3, -4];
        Assert.Equal(0.3 * 10, new L1(0.3f).Compute(w, [4]), 5);
        Assert.Equal(0.2 * 30, new L2(0.2f).Compute(w, [4]), 5);

        // Rows (1, 0) and (1, 1)/√2: |cos| = 1/√2 for one pair, counted twice, halved: factor/√2.
        Assert.Equal(0.5 / Math.Sqrt(2), new OrthogonalRegularizer(0.5f).Compute([1, 0, 1, 1], [2, 2]), 5);
        Assert.Equal(0, new OrthogonalRegularizer().Compute([1, 0, 0, 1], [2, 2]), 9);
        Assert.Contains("rank 2", Assert.Throws<ArgumentException>(() => new OrthogonalRegularizer().Compute(w, [4])).Message);
    }

    [Fact]
    public void Constraints_project_as_keras_over_their_axes()
    {
        // A Dense kernel (in 2, out 2): axis 0 takes each column's norm: columns (3, 4) and (0, 0.5).
        float[] w = [3, 0, 4, 0.5f];
        new MaxNorm(2f).Apply(w, [2, 2]);
        Assert.Equal(3 * 2 / (5 + 1e-7), w[0], 5);
        Assert.Equal(4 * 2 / (5 + 1e-7), w[2], 5);
        Assert.Equal(0.5, w[3], 5);
        float[] u = [3, 0, 4, 0.5f];
        new UnitNorm(1).Apply(u, [2, 2]);
        Assert.Equal(1.0, Math.Sqrt((u[0] * u[0]) + (u[1] * u[1])), 5);
        float[] m = [3, 0, 4, 0.5f];
        new MinMaxNorm(1f, 2f, rate: 0.5f).Apply(m, [2, 2]);
        Assert.Equal(3 * ((0.5 * 2) + 2.5) / 5, m[0], 4);
        Assert.Equal(0.5 * ((0.5 * 1) + 0.25) / 0.5, m[3], 4);
        float[] n = [-1, 2, -0f, 3];
        new NonNeg().Apply(n, [4]);
        Assert.Equal([0f, 2f, 0f, 3f], n);
    }

    [Fact]
    public void Orthogonal_and_identity_initializers_give_orthogonal_matrices()
    {
        foreach ((int rows, int cols) in new[] { (6, 4), (4, 6), (5, 5) })
        {
            var w = new float[rows * cols];
            new Orthogonal(gain: 2f).Initialize(w, [rows, cols], new SeededRandom(7));
            int small = Math.Min(rows, cols);
            for (int a = 0; a < small; a++)
            {
                for (int b = 0; b < small; b++)
                {
                    double dot = 0;
                    for (int k = 0; k < Math.Max(rows, cols); k++)
                    {
                        dot += rows >= cols ? w[(k * cols) + a] * w[(k * cols) + b] : w[(a * cols) + k] * w[(b * cols) + k];
                    }

                    Assert.Equal(a == b ? 4.0 : 0.0, dot, 4);
                }
            }
        }

        var identity = new float[6];
        Initializers.Initialize("identity", identity, 2, 3, new SeededRandom(1));
        Assert.Equal([1f, 0f, 0f, 0f, 1f, 0f], identity);
        Assert.Contains("orthogonal", Initializers.Names);
    }

    [Theory]
    [InlineData("fan_in", "truncated_normal")]
    [InlineData("fan_out", "uniform")]
    [InlineData("fan_avg", "untruncated_normal")]
    public void Variance_scaling_has_the_keras_variance(string mode, string distribution)
    {
        var w = new float[200 * 100];
        new VarianceScaling(2f, mode, distribution).Initialize(w, [200, 100], new SeededRandom(3));
        double n = mode == "fan_in" ? 200 : mode == "fan_out" ? 100 : 150;
        double variance = w.Select(v => (double)v * v).Average();
        Assert.Equal(2 / n, variance, 2 / n * 0.05);
        Assert.Equal((288, 36), Initializer.ComputeFans([3, 3, 32, 4]));
    }
}

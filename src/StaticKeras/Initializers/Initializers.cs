using System;
using System.Collections.Generic;

namespace StaticKeras;

/// <summary>
/// Keras's weight initializers by name (<c>"glorot_uniform"</c>, <c>"he_normal"</c>, ...), with
/// Keras's formulas: variance scaling from fan-in and fan-out, truncated normals cut at two
/// standard deviations.
/// </summary>
public static class Initializers
{
    /// <summary><c>"zeros"</c>.</summary>
    public const string Zeros = "zeros";

    /// <summary><c>"ones"</c>.</summary>
    public const string Ones = "ones";

    /// <summary><c>"glorot_uniform"</c>: U(-l, l), l = √(6 / (fan_in + fan_out)); Keras's default kernel initializer.</summary>
    public const string GlorotUniform = "glorot_uniform";

    /// <summary><c>"glorot_normal"</c>: truncated normal, σ = √(2 / (fan_in + fan_out)).</summary>
    public const string GlorotNormal = "glorot_normal";

    /// <summary><c>"he_uniform"</c>: U(-l, l), l = √(6 / fan_in).</summary>
    public const string HeUniform = "he_uniform";

    /// <summary><c>"he_normal"</c>: truncated normal, σ = √(2 / fan_in).</summary>
    public const string HeNormal = "he_normal";

    /// <summary><c>"lecun_uniform"</c>: U(-l, l), l = √(3 / fan_in).</summary>
    public const string LecunUniform = "lecun_uniform";

    /// <summary><c>"lecun_normal"</c>: truncated normal, σ = √(1 / fan_in).</summary>
    public const string LecunNormal = "lecun_normal";

    /// <summary><c>"random_uniform"</c>: U(-0.05, 0.05).</summary>
    public const string RandomUniform = "random_uniform";

    /// <summary><c>"random_normal"</c>: N(0, 0.05²).</summary>
    public const string RandomNormal = "random_normal";

    /// <summary><c>"truncated_normal"</c>: N(0, 0.05²) cut at two standard deviations.</summary>
    public const string TruncatedNormal = "truncated_normal";

    /// <summary><c>"orthogonal"</c>: an orthogonal matrix (Keras's recurrent-kernel default).</summary>
    public const string Orthogonal = "orthogonal";

    /// <summary><c>"identity"</c>: the identity matrix.</summary>
    public const string Identity = "identity";

    /// <summary><c>"variance_scaling"</c>: truncated normal with variance 1 / fan_in.</summary>
    public const string VarianceScaling = "variance_scaling";

    /// <summary><c>"constant"</c>: Keras's <c>Constant()</c>, all zeros.</summary>
    public const string Constant = "constant";

    // Keras's VarianceScaling divides the standard deviation by this (the std of a unit normal
    // truncated to [-2, 2]), so the truncated samples keep the intended variance.
    private const double TruncationCorrection = 0.87962566103423978;

    private static readonly Dictionary<string, Action<Span<float>, int, int, SeededRandom>> ByName = new(StringComparer.Ordinal)
    {
        [Zeros] = (v, _, _, _) => v.Clear(),
        [Ones] = (v, _, _, _) => v.Fill(1f),
        [GlorotUniform] = (v, i, o, r) => Uniform(v, Math.Sqrt(6.0 / (i + o)), r),
        [GlorotNormal] = (v, i, o, r) => Truncated(v, Math.Sqrt(2.0 / (i + o)) / TruncationCorrection, r),
        [HeUniform] = (v, i, _, r) => Uniform(v, Math.Sqrt(6.0 / i), r),
        [HeNormal] = (v, i, _, r) => Truncated(v, Math.Sqrt(2.0 / i) / TruncationCorrection, r),
        [LecunUniform] = (v, i, _, r) => Uniform(v, Math.Sqrt(3.0 / i), r),
        [LecunNormal] = (v, i, _, r) => Truncated(v, Math.Sqrt(1.0 / i) / TruncationCorrection, r),
        [RandomUniform] = (v, _, _, r) => Uniform(v, 0.05, r),
        ["uniform"] = (v, _, _, r) => Uniform(v, 0.05, r),
        [RandomNormal] = (v, _, _, r) => Normal(v, 0.05, r),
        ["normal"] = (v, _, _, r) => Normal(v, 0.05, r),
        [TruncatedNormal] = (v, _, _, r) => Truncated(v, 0.05, r),

        // Matrices by name get Keras's flat 2-D shape back from the fan-in: (in, out) for Dense and
        // LSTM kernels, (kh·kw·in, out) for convolutions.
        [Orthogonal] = (v, i, _, r) => new StaticKeras.Orthogonal().Fill(v, i, v.Length / i, r),
        [Identity] = (v, i, _, _) => new StaticKeras.Identity().Fill(v, i, v.Length / i),
        [VarianceScaling] = (v, i, o, r) => new StaticKeras.VarianceScaling().Fill(v, i, o, r),
        [Constant] = (v, _, _, _) => v.Clear(),
    };

    /// <summary>Every name <see cref="Initialize"/> accepts.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>Fills <paramref name="values"/> with the named initializer.</summary>
    /// <exception cref="ArgumentException">The name is not a Keras initializer StaticKeras implements.</exception>
    public static void Initialize(string name, Span<float> values, int fanIn, int fanOut, SeededRandom random)
    {
        if (!ByName.TryGetValue(name, out var initializer))
        {
            throw new ArgumentException($"'{name}' is not a Keras initializer name; use one of {string.Join(", ", ByName.Keys)}.", nameof(name));
        }

        initializer(values, Math.Max(fanIn, 1), Math.Max(fanOut, 1), random);
    }

    private static void Uniform(Span<float> values, double limit, SeededRandom random)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(((2 * random.NextDouble()) - 1) * limit);
        }
    }

    private static void Normal(Span<float> values, double stddev, SeededRandom random)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextGaussian() * stddev);
        }
    }

    private static void Truncated(Span<float> values, double stddev, SeededRandom random)
    {
        for (int i = 0; i < values.Length; i++)
        {
            double z;
            do
            {
                z = random.NextGaussian();
            }
            while (Math.Abs(z) > 2);

            values[i] = (float)(z * stddev);
        }
    }
}

using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>Initializer</c> (<c>keras/src/initializers/</c>): fills a new weight from its shape. The
/// string names of <see cref="Initializers"/> map to these with Keras's defaults.
/// </summary>
public abstract class Initializer
{
    /// <summary>Fills <paramref name="values"/>, a weight of shape <paramref name="shape"/>.</summary>
    /// <param name="values">The weight's values, row-major.</param>
    /// <param name="shape">Its shape in Keras's layout.</param>
    /// <param name="random">The weight's random stream.</param>
    public abstract void Initialize(Span<float> values, ReadOnlySpan<int> shape, SeededRandom random);

    /// <summary>Keras's <c>compute_fans</c>: (in, out) for a matrix; with a receptive field, its size times the last two dimensions.</summary>
    /// <param name="shape">The weight's shape.</param>
    public static (int FanIn, int FanOut) ComputeFans(ReadOnlySpan<int> shape)
    {
        if (shape.Length == 0)
        {
            return (1, 1);
        }

        if (shape.Length == 1)
        {
            return (shape[0], shape[0]);
        }

        int receptive = 1;
        for (int d = 0; d < shape.Length - 2; d++)
        {
            receptive *= shape[d];
        }

        return (shape[^2] * receptive, shape[^1] * receptive);
    }
}

/// <summary>Keras's <c>Constant</c>: every value the same (default 0).</summary>
public sealed class Constant(float value = 0f) : Initializer
{
    /// <summary>The value.</summary>
    public float Value { get; } = value;

    /// <inheritdoc/>
    public override void Initialize(Span<float> values, ReadOnlySpan<int> shape, SeededRandom random) => values.Fill(Value);
}

/// <summary>Keras's <c>RandomUniform</c>: U(minval, maxval), default U(−0.05, 0.05).</summary>
public sealed class RandomUniform(float minval = -0.05f, float maxval = 0.05f) : Initializer
{
    /// <inheritdoc/>
    public override void Initialize(Span<float> values, ReadOnlySpan<int> shape, SeededRandom random)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(minval + ((maxval - (double)minval) * random.NextDouble()));
        }
    }
}

/// <summary>Keras's <c>RandomNormal</c>: N(mean, stddev²), default N(0, 0.05²).</summary>
public sealed class RandomNormal(float mean = 0f, float stddev = 0.05f) : Initializer
{
    /// <inheritdoc/>
    public override void Initialize(Span<float> values, ReadOnlySpan<int> shape, SeededRandom random)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(mean + (stddev * random.NextGaussian()));
        }
    }
}

/// <summary>Keras's <c>TruncatedNormal</c>: N(mean, stddev²) redrawn beyond two standard deviations, default stddev 0.05.</summary>
public sealed class TruncatedNormal(float mean = 0f, float stddev = 0.05f) : Initializer
{
    /// <inheritdoc/>
    public override void Initialize(Span<float> values, ReadOnlySpan<int> shape, SeededRandom random)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(mean + (stddev * Truncated(random)));
        }
    }

    /// <summary>A standard normal sample within [−2, 2].</summary>
    internal static double Truncated(SeededRandom random)
    {
        double z;
        do
        {
            z = random.NextGaussian();
        }
        while (Math.Abs(z) > 2);
        return z;
    }
}

/// <summary>
/// Keras's <c>VarianceScaling</c>: samples with variance <c>scale / n</c>, n the fan-in, fan-out or their
/// mean; from a truncated normal (σ corrected by 0.8796…, the std of a unit normal cut at ±2), a
/// normal, or a uniform of limit <c>√(3·scale/n)</c>. Glorot, He and LeCun are its presets.
/// </summary>
public sealed class VarianceScaling : Initializer
{
    /// <summary>Creates the initializer with Keras's defaults.</summary>
    /// <param name="scale">The variance's scale, positive.</param>
    /// <param name="mode"><c>"fan_in"</c>, <c>"fan_out"</c> or <c>"fan_avg"</c>.</param>
    /// <param name="distribution"><c>"truncated_normal"</c>, <c>"untruncated_normal"</c> or <c>"uniform"</c>.</param>
    public VarianceScaling(float scale = 1f, string mode = "fan_in", string distribution = "truncated_normal")
    {
        if (!(scale > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "VarianceScaling's scale must be positive, as in Keras.");
        }

        Mode = mode is "fan_in" or "fan_out" or "fan_avg" ? mode : throw new ArgumentException($"mode must be \"fan_in\", \"fan_out\" or \"fan_avg\"; got \"{mode}\".", nameof(mode));
        Distribution = distribution is "truncated_normal" or "untruncated_normal" or "uniform" ? distribution : throw new ArgumentException($"distribution must be \"truncated_normal\", \"untruncated_normal\" or \"uniform\"; got \"{distribution}\".", nameof(distribution));
        Scale = scale;
    }

    /// <summary>The variance's scale.</summary>
    public float Scale { get; }

    /// <summary>Which fan divides the scale.</summary>
    public string Mode { get; }

    /// <summary>The distribution sampled.</summary>
    public string Distribution { get; }

    /// <inheritdoc/>
    public override void Initialize(Span<float> values, ReadOnlySpan<int> shape, SeededRandom random)
    {
        (int fanIn, int fanOut) = ComputeFans(shape);
        Fill(values, fanIn, fanOut, random);
    }

    /// <summary>Fills from given fans (what the model's weight table records).</summary>
    internal void Fill(Span<float> values, int fanIn, int fanOut, SeededRandom random)
    {
        double n = Math.Max(1.0, Mode == "fan_in" ? fanIn : Mode == "fan_out" ? fanOut : (fanIn + fanOut) / 2.0);
        double variance = Scale / n;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(Distribution switch
            {
                "truncated_normal" => Math.Sqrt(variance) / 0.87962566103423978 * TruncatedNormal.Truncated(random),
                "untruncated_normal" => Math.Sqrt(variance) * random.NextGaussian(),
                _ => ((2 * random.NextDouble()) - 1) * Math.Sqrt(3 * variance),
            });
        }
    }
}

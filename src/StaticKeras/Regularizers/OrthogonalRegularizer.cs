using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>OrthogonalRegularizer</c> (<c>keras/src/regularizers/regularizers.py</c>): with the rows
/// (or columns) of a 2-D weight L2-normalised, <c>factor · ½ · Σ_{i≠j} |rᵢ·rⱼ| / (n(n−1)/2)</c>:
/// the mean absolute cosine between distinct rows, which is 0 when they are orthogonal.
/// </summary>
public sealed class OrthogonalRegularizer : Regularizer
{
    private const double EpsilonSquared = 1e-14;
    private double[] normalized = Array.Empty<double>(), inverseNorms = Array.Empty<double>(), pull = Array.Empty<double>();

    /// <summary>Creates the regularizer with Keras's defaults.</summary>
    /// <param name="factor">The penalty's factor.</param>
    /// <param name="mode"><c>"rows"</c> or <c>"columns"</c>: which vectors should be orthogonal.</param>
    public OrthogonalRegularizer(float factor = 0.01f, string mode = "rows")
    {
        if (mode is not ("rows" or "columns"))
        {
            throw new ArgumentException($"OrthogonalRegularizer's mode must be \"rows\" or \"columns\"; got \"{mode}\".", nameof(mode));
        }

        Factor = factor;
        Mode = mode;
    }

    /// <summary>The penalty's factor.</summary>
    public float Factor { get; }

    /// <summary><c>rows</c> or <c>columns</c>.</summary>
    public string Mode { get; }

    /// <inheritdoc/>
    public override double Compute(ReadOnlySpan<float> values, ReadOnlySpan<int> shape) => Run(values, shape, Span<float>.Empty);

    /// <inheritdoc/>
    public override double ComputeWithGradient(ReadOnlySpan<float> values, ReadOnlySpan<int> shape, Span<float> gradient) => Run(values, shape, gradient);

    private double Run(ReadOnlySpan<float> values, ReadOnlySpan<int> shape, Span<float> gradient)
    {
        if (shape.Length != 2)
        {
            throw new ArgumentException($"OrthogonalRegularizer needs a weight of rank 2, as Keras; got shape {ModelDefinition.FormatShape(shape)}.", nameof(shape));
        }

        bool rows = Mode == "rows";
        int n = rows ? shape[0] : shape[1], length = rows ? shape[1] : shape[0];
        Normalize(values, shape, rows, n, length);
        double scale = Factor * 0.5 / (n * (n - 1) / 2.0), sum = 0;
        Span<double> g = pull.AsSpan(0, n * length);
        g.Clear();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (i == j)
                {
                    continue;
                }

                double dot = 0;
                for (int k = 0; k < length; k++)
                {
                    dot += normalized[(i * length) + k] * normalized[(j * length) + k];
                }

                sum += Math.Abs(dot);

                // |Pᵢⱼ| and |Pⱼᵢ| both depend on rᵢ: 2·sign(Pᵢⱼ)·rⱼ per ordered pair.
                for (int k = 0; k < length; k++)
                {
                    g[(i * length) + k] += 2 * Math.Sign(dot) * normalized[(j * length) + k];
                }
            }
        }

        if (!gradient.IsEmpty)
        {
            AddGradient(gradient, shape, rows, n, length, scale);
        }

        return scale * sum;
    }

    /// <summary>The vectors, each times <c>rsqrt(max(|v|², ε²))</c> as Keras's <c>normalize</c>.</summary>
    private void Normalize(ReadOnlySpan<float> values, ReadOnlySpan<int> shape, bool rows, int n, int length)
    {
        if (normalized.Length < n * length)
        {
            (normalized, pull, inverseNorms) = (new double[n * length], new double[n * length], new double[n]);
        }

        for (int i = 0; i < n; i++)
        {
            double squares = 0;
            for (int k = 0; k < length; k++)
            {
                double v = rows ? values[(i * shape[1]) + k] : values[(k * shape[1]) + i];
                normalized[(i * length) + k] = v;
                squares += v * v;
            }

            inverseNorms[i] = squares > EpsilonSquared ? 1 / Math.Sqrt(squares) : -1 / Math.Sqrt(EpsilonSquared);
            for (int k = 0; k < length; k++)
            {
                normalized[(i * length) + k] *= Math.Abs(inverseNorms[i]);
            }
        }
    }

    /// <summary>Through the normalisation: d/dv = (g − (g·r)·r)/|v| where the norm is not clamped, g/ε where it is.</summary>
    private void AddGradient(Span<float> gradient, ReadOnlySpan<int> shape, bool rows, int n, int length, double scale)
    {
        for (int i = 0; i < n; i++)
        {
            double along = 0, inverse = inverseNorms[i];
            for (int k = 0; k < length; k++)
            {
                along += pull[(i * length) + k] * normalized[(i * length) + k];
            }

            for (int k = 0; k < length; k++)
            {
                double d = inverse > 0 ? (pull[(i * length) + k] - (along * normalized[(i * length) + k])) * inverse : pull[(i * length) + k] * -inverse;
                gradient[rows ? (i * shape[1]) + k : (k * shape[1]) + i] += (float)(scale * d);
            }
        }
    }
}

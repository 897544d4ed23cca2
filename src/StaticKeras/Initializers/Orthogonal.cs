using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>Orthogonal</c> (<c>keras/src/initializers/random_initializers.py</c>): the weight
/// flattened to <c>(prod(shape[:-1]), shape[-1])</c> is <c>gain</c> times an orthogonal matrix, the Q
/// of a normal matrix's QR decomposition with its columns' signs fixed by R's diagonal.
/// </summary>
public sealed class Orthogonal(float gain = 1f) : Initializer
{
    /// <summary>The factor.</summary>
    public float Gain { get; } = gain;

    /// <inheritdoc/>
    public override void Initialize(Span<float> values, ReadOnlySpan<int> shape, SeededRandom random)
    {
        int cols = shape.Length == 0 ? 1 : shape[^1];
        Fill(values, values.Length / Math.Max(cols, 1), cols, random);
    }

    /// <summary>Fills a <paramref name="rows"/> × <paramref name="cols"/> matrix.</summary>
    internal void Fill(Span<float> values, int rows, int cols, SeededRandom random)
    {
        // Keras: a normal matrix of (max, min) shape; q·sign(diag r); transposed when rows < cols.
        int tall = Math.Max(rows, cols), wide = Math.Min(rows, cols);
        var q = new double[tall * wide];
        for (int i = 0; i < q.Length; i++)
        {
            q[i] = random.NextGaussian();
        }

        // Modified Gram-Schmidt: q's columns become orthonormal; r's diagonal is each column's norm
        // before normalising, always positive, so the sign correction is already applied.
        for (int j = 0; j < wide; j++)
        {
            for (int k = 0; k < j; k++)
            {
                double dot = 0;
                for (int i = 0; i < tall; i++)
                {
                    dot += q[(i * wide) + k] * q[(i * wide) + j];
                }

                for (int i = 0; i < tall; i++)
                {
                    q[(i * wide) + j] -= dot * q[(i * wide) + k];
                }
            }

            double norm = 0;
            for (int i = 0; i < tall; i++)
            {
                norm += q[(i * wide) + j] * q[(i * wide) + j];
            }

            norm = Math.Sqrt(norm);
            for (int i = 0; i < tall; i++)
            {
                q[(i * wide) + j] /= norm;
            }
        }

        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                values[(r * cols) + c] = (float)(Gain * (rows >= cols ? q[(r * wide) + c] : q[(c * wide) + r]));
            }
        }
    }
}

/// <summary>Keras's <c>Identity</c> (<c>keras/src/initializers/constant_initializers.py</c>): <c>gain</c> times the identity matrix (a 2-D weight; non-square gives ones on the diagonal).</summary>
public sealed class Identity(float gain = 1f) : Initializer
{
    /// <summary>The factor.</summary>
    public float Gain { get; } = gain;

    /// <inheritdoc/>
    public override void Initialize(Span<float> values, ReadOnlySpan<int> shape, SeededRandom random)
    {
        if (shape.Length != 2)
        {
            throw new ArgumentException($"Identity initializes 2-D weights only, as in Keras; got shape {ModelDefinition.FormatShape(shape)}. Use orthogonal for other ranks.", nameof(shape));
        }

        Fill(values, shape[0], shape[1]);
    }

    /// <summary>Fills a <paramref name="rows"/> × <paramref name="cols"/> matrix.</summary>
    internal void Fill(Span<float> values, int rows, int cols)
    {
        values.Clear();
        for (int i = 0; i < Math.Min(rows, cols); i++)
        {
            values[(i * cols) + i] = Gain;
        }
    }
}

using System;
using System.Numerics.Tensors;

namespace StaticKeras;

/// <summary>
/// Keras's <c>Regularizer</c> (<c>keras/src/regularizers/regularizers.py</c>): a penalty on a weight
/// (or an activation) added to the loss, and its gradient.
/// </summary>
public abstract class Regularizer
{
    /// <summary>The penalty of <paramref name="values"/> (row-major, shape <paramref name="shape"/>).</summary>
    /// <param name="values">The weight's values.</param>
    /// <param name="shape">Its shape.</param>
    public abstract double Compute(ReadOnlySpan<float> values, ReadOnlySpan<int> shape);

    /// <summary>The penalty, and its gradient added into <paramref name="gradient"/> (the weight's gradient buffer).</summary>
    /// <param name="values">The weight's values.</param>
    /// <param name="shape">Its shape.</param>
    /// <param name="gradient">Receives d(penalty)/d(values), added to what it holds.</param>
    public abstract double ComputeWithGradient(ReadOnlySpan<float> values, ReadOnlySpan<int> shape, Span<float> gradient);
}

/// <summary>Keras's <c>L1L2</c>: <c>l1·Σ|x| + l2·Σx²</c>; <see cref="L1"/> and <see cref="L2"/> are its two halves.</summary>
public class L1L2 : Regularizer
{
    /// <summary>Creates the regularizer with Keras's defaults (both 0).</summary>
    /// <param name="l1">The L1 factor.</param>
    /// <param name="l2">The L2 factor.</param>
    public L1L2(float l1 = 0f, float l2 = 0f)
    {
        if (!(l1 >= 0) || !(l2 >= 0) || float.IsInfinity(l1) || float.IsInfinity(l2))
        {
            throw new ArgumentOutOfRangeException(nameof(l1), $"Regularization factors must be finite and >= 0, as in Keras; got l1={l1}, l2={l2}.");
        }

        L1Factor = l1;
        L2Factor = l2;
    }

    /// <summary>The L1 factor.</summary>
    public float L1Factor { get; }

    /// <summary>The L2 factor.</summary>
    public float L2Factor { get; }

    /// <inheritdoc/>
    public override double Compute(ReadOnlySpan<float> values, ReadOnlySpan<int> shape) =>
        (L1Factor == 0 ? 0 : L1Factor * (double)TensorPrimitives.SumOfMagnitudes(values))
        + (L2Factor == 0 ? 0 : L2Factor * (double)TensorPrimitives.SumOfSquares(values));

    /// <inheritdoc/>
    public override double ComputeWithGradient(ReadOnlySpan<float> values, ReadOnlySpan<int> shape, Span<float> gradient)
    {
        for (int i = 0; i < values.Length; i++)
        {
            float x = values[i];
            gradient[i] += (L1Factor * MathF.Sign(x)) + (2 * L2Factor * x);
        }

        return Compute(values, shape);
    }
}

/// <summary>Keras's <c>L1</c>: <c>l1·Σ|x|</c> (default 0.01).</summary>
public sealed class L1 : L1L2
{
    /// <summary>Creates the regularizer.</summary>
    /// <param name="l1">The factor.</param>
    public L1(float l1 = 0.01f)
        : base(l1: l1)
    {
    }
}

/// <summary>Keras's <c>L2</c>: <c>l2·Σx²</c> (default 0.01).</summary>
public sealed class L2 : L1L2
{
    /// <summary>Creates the regularizer.</summary>
    /// <param name="l2">The factor.</param>
    public L2(float l2 = 0.01f)
        : base(l2: l2)
    {
    }
}

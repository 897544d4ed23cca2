using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>Constraint</c> (<c>keras/src/constraints/constraints.py</c>): a projection applied to a
/// weight in place after each optimizer update. The norm constraints reduce over Keras's
/// <c>axis</c> (0 by default: each column of a Dense kernel <c>(in, out)</c>, one vector per unit;
/// <c>[0, 1, 2]</c> for a Conv2D kernel).
/// </summary>
public abstract class Constraint
{
    /// <summary>Projects <paramref name="weights"/> (row-major, shape <paramref name="shape"/>) in place.</summary>
    /// <param name="weights">The weight's values.</param>
    /// <param name="shape">Its shape.</param>
    public abstract void Apply(Span<float> weights, ReadOnlySpan<int> shape);
}

/// <summary>Keras's <c>NonNeg</c>: <c>w = max(w, 0)</c>.</summary>
public sealed class NonNeg : Constraint
{
    /// <inheritdoc/>
    public override void Apply(Span<float> weights, ReadOnlySpan<int> shape) => System.Numerics.Tensors.TensorPrimitives.Max(weights, 0f, weights);
}

/// <summary>
/// The norm constraints' common part: the L2 norm of every slice along <see cref="Axes"/>, then
/// <c>w · desired(norm) / (ε + norm)</c> with ε = 1e-7, as Keras writes them.
/// </summary>
public abstract class NormConstraint : Constraint
{
    private const double Epsilon = 1e-7;
    private readonly int[] axes;
    private double[] norms = Array.Empty<double>();

    /// <summary>Sets the axes the norm is taken over.</summary>
    /// <param name="axes">Keras's <c>axis</c>: one or more axes, negative from the end.</param>
    private protected NormConstraint(int[] axes) => this.axes = axes.Length == 0 ? [0] : axes;

    /// <summary>The axes the norm is taken over.</summary>
    public ReadOnlySpan<int> Axes => axes;

    /// <inheritdoc/>
    public sealed override void Apply(Span<float> weights, ReadOnlySpan<int> shape)
    {
        var reduction = new AxisReduction(shape, axes);
        if (norms.Length < reduction.Groups)
        {
            norms = new double[reduction.Groups];
        }

        Span<double> sums = norms.AsSpan(0, reduction.Groups);
        sums.Clear();
        for (int i = 0; i < weights.Length; i++)
        {
            sums[reduction.GroupOf(i)] += (double)weights[i] * weights[i];
        }

        for (int g = 0; g < sums.Length; g++)
        {
            double norm = Math.Sqrt(sums[g]);
            sums[g] = Desired(norm) / (Epsilon + norm);
        }

        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(weights[i] * sums[reduction.GroupOf(i)]);
        }
    }

    /// <summary>The norm a slice should have, given its norm.</summary>
    /// <param name="norm">The slice's L2 norm.</param>
    protected abstract double Desired(double norm);
}

/// <summary>Keras's <c>MaxNorm</c>: scales every slice whose norm exceeds <see cref="MaxValue"/> down to it.</summary>
public sealed class MaxNorm : NormConstraint
{
    /// <summary>Creates the constraint with Keras's defaults.</summary>
    /// <param name="maxValue">The largest norm.</param>
    /// <param name="axis">The axes of the norm.</param>
    public MaxNorm(float maxValue = 2f, params int[] axis)
        : base(axis) => MaxValue = maxValue;

    /// <summary>The largest norm.</summary>
    public float MaxValue { get; }

    /// <inheritdoc/>
    protected override double Desired(double norm) => Math.Clamp(norm, 0, MaxValue);
}

/// <summary>Keras's <c>MinMaxNorm</c>: moves every slice's norm into [min, max], by <see cref="Rate"/> of the way.</summary>
public sealed class MinMaxNorm : NormConstraint
{
    /// <summary>Creates the constraint with Keras's defaults.</summary>
    /// <param name="minValue">The smallest norm.</param>
    /// <param name="maxValue">The largest norm.</param>
    /// <param name="rate">How far to move the norm: 1 all the way, less for a gradual change.</param>
    /// <param name="axis">The axes of the norm.</param>
    public MinMaxNorm(float minValue = 0f, float maxValue = 1f, float rate = 1f, params int[] axis)
        : base(axis) => (MinValue, MaxValue, Rate) = (minValue, maxValue, rate);

    /// <summary>The smallest norm.</summary>
    public float MinValue { get; }

    /// <summary>The largest norm.</summary>
    public float MaxValue { get; }

    /// <summary>How far to move the norm.</summary>
    public float Rate { get; }

    /// <inheritdoc/>
    protected override double Desired(double norm) => (Rate * Math.Clamp(norm, MinValue, MaxValue)) + ((1 - Rate) * norm);
}

/// <summary>Keras's <c>UnitNorm</c>: divides every slice by its norm.</summary>
public sealed class UnitNorm : NormConstraint
{
    /// <summary>Creates the constraint with Keras's default axis 0.</summary>
    /// <param name="axis">The axes of the norm.</param>
    public UnitNorm(params int[] axis)
        : base(axis)
    {
    }

    /// <inheritdoc/>
    protected override double Desired(double norm) => 1;
}

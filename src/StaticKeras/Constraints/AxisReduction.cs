using System;

namespace StaticKeras;

/// <summary>
/// Which slice of a reduction over some axes each element of a row-major tensor belongs to: the
/// element's index with the reduced axes' coordinates dropped (Keras's <c>keepdims</c> group).
/// Up to 8 dimensions; allocation-free.
/// </summary>
internal readonly ref struct AxisReduction
{
    private readonly ReadOnlySpan<int> shape;
    private readonly int reducedMask;

    public AxisReduction(ReadOnlySpan<int> shape, ReadOnlySpan<int> axes)
    {
        if (shape.Length > 8)
        {
            throw new ArgumentException($"Weights of rank {shape.Length} are not supported; at most 8 dimensions.", nameof(shape));
        }

        this.shape = shape;
        int mask = 0, groups = 1;
        foreach (int axis in axes)
        {
            int a = axis < 0 ? axis + shape.Length : axis;
            if ((uint)a >= (uint)shape.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(axes), axis, $"Axis {axis} is outside a weight of rank {shape.Length}.");
            }

            mask |= 1 << a;
        }

        for (int d = 0; d < shape.Length; d++)
        {
            groups *= (mask & (1 << d)) == 0 ? shape[d] : 1;
        }

        reducedMask = mask;
        Groups = groups;
    }

    /// <summary>The number of slices.</summary>
    public int Groups { get; }

    /// <summary>The slice of element <paramref name="index"/>.</summary>
    public int GroupOf(int index)
    {
        int group = 0, stride = 1;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            int coordinate = index % shape[d];
            index /= shape[d];
            if ((reducedMask & (1 << d)) == 0)
            {
                group += coordinate * stride;
                stride *= shape[d];
            }
        }

        return group;
    }
}

using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's Permute: the axes of each sample reordered, output axis <c>k</c> being input axis
/// <c>dims[k]</c> (Keras's <c>dims</c> count from 1; here from 0). The backward pass is the inverse
/// permutation. When the last axis stays last, whole rows of it are copied; otherwise one element
/// at a time. Shapes and permutations up to <see cref="MaxRank"/> axes.
/// </summary>
public static unsafe class PermuteKernel
{
    /// <summary>The most axes per sample.</summary>
    public const int MaxRank = 8;

    /// <summary><c>y = transpose(x, permutation)</c> for every sample.</summary>
    /// <param name="batch">Samples.</param>
    /// <param name="shape">One sample's input shape.</param>
    /// <param name="permutation">Output axis k is input axis <c>permutation[k]</c> (0-based).</param>
    /// <param name="x">Input.</param>
    /// <param name="y">Output.</param>
    public static void Forward(int batch, ReadOnlySpan<int> shape, ReadOnlySpan<int> permutation, ReadOnlySpan<float> x, Span<float> y) =>
        Move(batch, shape, permutation, x, y, accumulate: false, inverse: false);

    /// <summary><c>dx (+)= transpose(dy, inverse permutation)</c>.</summary>
    /// <param name="batch">Samples.</param>
    /// <param name="shape">One sample's input shape (of x, not of y).</param>
    /// <param name="permutation">The forward permutation.</param>
    /// <param name="dy">dL/dy.</param>
    /// <param name="dx">Receives dL/dx.</param>
    /// <param name="accumulate">Add to dx instead of overwriting it.</param>
    public static void Backward(int batch, ReadOnlySpan<int> shape, ReadOnlySpan<int> permutation, ReadOnlySpan<float> dy, Span<float> dx, bool accumulate) =>
        Move(batch, shape, permutation, dy, dx, accumulate, inverse: true);

    private static void Move(int batch, ReadOnlySpan<int> shape, ReadOnlySpan<int> permutation, ReadOnlySpan<float> from, Span<float> to, bool accumulate, bool inverse)
    {
        int rank = Validate(shape, permutation);
        Span<int> outShape = stackalloc int[rank];
        Span<nint> strides = stackalloc nint[rank];
        Span<nint> sourceStrides = stackalloc nint[rank];
        long size = 1;
        for (int k = rank - 1; k >= 0; k--)
        {
            strides[k] = (nint)size;
            size *= shape[k];
        }

        // Walk the destination in order. Forward: destination axis k reads source axis p[k].
        // Backward: the destination is x's layout, and its axis p[k] is the source's (dy's) axis k.
        Span<nint> outStrides = stackalloc nint[rank];
        for (int k = 0; k < rank; k++)
        {
            outShape[k] = shape[permutation[k]];
        }

        for (int k = rank - 1, s = 1; k >= 0; k--)
        {
            outStrides[k] = s;
            s *= outShape[k];
        }

        ReadOnlySpan<int> walked = inverse ? shape : outShape;
        for (int k = 0; k < rank; k++)
        {
            if (inverse)
            {
                sourceStrides[permutation[k]] = outStrides[k];
            }
            else
            {
                sourceStrides[k] = strides[permutation[k]];
            }
        }

        Conv2DKernel.CheckBatch(batch);
        ThrowHelper.ThrowIfTooShort(from, batch * size, inverse ? "dy" : "x");
        ThrowHelper.ThrowIfTooShort(to, batch * size, inverse ? "dx" : "y");
        fixed (float* pf = from, pt = to)
        {
            for (int b = 0; b < batch; b++)
            {
                StridedCopy.Run(pf + (b * (nint)size), pt + (b * (nint)size), walked, sourceStrides, accumulate);
            }
        }
    }

    private static int Validate(ReadOnlySpan<int> shape, ReadOnlySpan<int> permutation)
    {
        int rank = shape.Length;
        if (rank < 1 || rank > MaxRank || permutation.Length != rank)
        {
            throw new ArgumentException($"The permutation has {permutation.Length} axes and the shape {rank}; they must agree, with 1 to {MaxRank} axes.", nameof(permutation));
        }

        int seen = 0;
        foreach (int axis in permutation)
        {
            if (axis < 0 || axis >= rank || (seen & (1 << axis)) != 0)
            {
                throw new ArgumentException($"The permutation must name every axis 0..{rank - 1} once (Keras's dims minus 1), but it holds {axis} where it is out of range or repeated.", nameof(permutation));
            }

            seen |= 1 << axis;
        }

        foreach (int d in shape)
        {
            GeometryChecks.RequirePositive(d, nameof(shape), "a permutation");
        }

        return rank;
    }
}

/// <summary>Copies a strided view into a contiguous buffer in row-major order: destination element (i₀, …) is source element Σ iₖ·strideₖ.</summary>
internal static unsafe class StridedCopy
{
    /// <summary>Copies (or adds) the view of <paramref name="shape"/> with <paramref name="sourceStrides"/> from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static void Run(float* from, float* to, ReadOnlySpan<int> shape, ReadOnlySpan<nint> sourceStrides, bool accumulate)
    {
        int rank = shape.Length;
        int last = shape[rank - 1];
        nint lastStride = sourceStrides[rank - 1];
        Span<int> index = stackalloc int[rank];
        while (true)
        {
            nint offset = 0;
            for (int k = 0; k < rank - 1; k++)
            {
                offset += index[k] * sourceStrides[k];
            }

            Row(from + offset, lastStride, to, last, accumulate);
            to += last;
            int axis = rank - 2;
            while (axis >= 0 && ++index[axis] == shape[axis])
            {
                index[axis--] = 0;
            }

            if (axis < 0)
            {
                return;
            }
        }
    }

    private static void Row(float* from, nint stride, float* to, int length, bool accumulate)
    {
        if (stride == 1)
        {
            if (accumulate)
            {
                FloatRuns.Add(from, to, length);
            }
            else
            {
                FloatRuns.Copy(from, to, length);
            }

            return;
        }

        for (int i = 0; i < length; i++)
        {
            to[i] = accumulate ? to[i] + from[i * stride] : from[i * stride];
        }
    }
}

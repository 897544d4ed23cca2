using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Row-major single-precision matrix products, <c>C = op(A) · op(B)</c> (or <c>C += ...</c>), in
/// the three forms layers need: forward <c>x · W</c>, weight gradient <c>xᵀ · dy</c>, input
/// gradient <c>dy · Wᵀ</c>; optionally with a fused <c>+ bias</c> and activation.
/// </summary>
/// <remarks>
/// Register-blocked micro-kernels (Vector512 12×32 tiles, Vector256 6×16, scalar fallback) under a
/// cache-blocked driver that packs B where that pays; large products are split across
/// <see cref="KernelOptions.Threads"/> threads by rows or columns of C. Every element of C sums
/// its <c>k</c> terms in ascending order with one fused multiply-add each, so results are bitwise
/// identical for every thread count and every blocking. No call allocates once each thread's
/// packing buffer exists. Inside the runtime, <see cref="Multiply(in GemmProblem)"/> takes
/// strided operands, so convolution (im2col or implicit GEMM over a strided view) and recurrent
/// cells (a gate's slice of a weight, an output written into a wider buffer) reuse this code.
/// </remarks>
public static class Gemm
{
    /// <summary>Computes <c>C (m×n) = op(A) · op(B)</c>, or adds it to C.</summary>
    /// <param name="a">A, stored <c>m×k</c> row-major, or <c>k×m</c> when <paramref name="transposeA"/>.</param>
    /// <param name="transposeA">Use the transpose of the stored A.</param>
    /// <param name="b">B, stored <c>k×n</c> row-major, or <c>n×k</c> when <paramref name="transposeB"/>.</param>
    /// <param name="transposeB">Use the transpose of the stored B.</param>
    /// <param name="c">C, <c>m×n</c> row-major.</param>
    /// <param name="m">Rows of C.</param>
    /// <param name="n">Columns of C.</param>
    /// <param name="k">The inner dimension.</param>
    /// <param name="accumulate">Add to C instead of overwriting it.</param>
    public static void Multiply(ReadOnlySpan<float> a, bool transposeA, ReadOnlySpan<float> b, bool transposeB, Span<float> c, int m, int n, int k, bool accumulate) =>
        Multiply(a, transposeA, b, transposeB, c, m, n, k, accumulate, ReadOnlySpan<float>.Empty, GemmActivation.None, GemmRunner.Kernel, KernelOptions.Threads);

    /// <summary>
    /// Computes <c>C = activation(op(A) · op(B) + bias)</c> (or <c>activation(C + op(A) · op(B) + bias)</c>),
    /// the bias and activation applied to each tile while it is still in registers or L1.
    /// </summary>
    /// <param name="a">A, stored <c>m×k</c> row-major, or <c>k×m</c> when <paramref name="transposeA"/>.</param>
    /// <param name="transposeA">Use the transpose of the stored A.</param>
    /// <param name="b">B, stored <c>k×n</c> row-major, or <c>n×k</c> when <paramref name="transposeB"/>.</param>
    /// <param name="transposeB">Use the transpose of the stored B.</param>
    /// <param name="c">C, <c>m×n</c> row-major.</param>
    /// <param name="m">Rows of C.</param>
    /// <param name="n">Columns of C.</param>
    /// <param name="k">The inner dimension.</param>
    /// <param name="accumulate">Add to C instead of overwriting it.</param>
    /// <param name="bias">Added to every row of C (<c>n</c> values), or empty for none.</param>
    /// <typeparam name="TActivation">
    /// Applied last; it must be elementwise (softmax needs whole rows: apply it afterwards).
    /// ReLU runs in registers, others on each tile while it is in L1.
    /// </typeparam>
    /// <exception cref="ArgumentException"><typeparamref name="TActivation"/> is not elementwise.</exception>
    public static void Multiply<TActivation>(ReadOnlySpan<float> a, bool transposeA, ReadOnlySpan<float> b, bool transposeB, Span<float> c, int m, int n, int k, bool accumulate, ReadOnlySpan<float> bias)
        where TActivation : struct, IActivation =>
        Multiply(a, transposeA, b, transposeB, c, m, n, k, accumulate, bias, GemmActivation.For<TActivation>(), GemmRunner.Kernel, KernelOptions.Threads);

    /// <summary>The product on a chosen kernel and thread count (tests cover every kernel and split with it).</summary>
    internal static unsafe void Multiply(ReadOnlySpan<float> a, bool transposeA, ReadOnlySpan<float> b, bool transposeB, Span<float> c, int m, int n, int k, bool accumulate, ReadOnlySpan<float> bias, GemmActivation activation, GemmKernelKind kernel, int threads)
    {
        Validate(a, b, c, m, n, k, bias);
        fixed (float* pa = a, pb = b, pc = c, pbias = bias)
        {
            GemmProblem g = default;
            g.A = pa;
            g.ARow = transposeA ? 1 : k;
            g.ACol = transposeA ? m : 1;
            g.B = pb;
            g.BRow = transposeB ? 1 : n;
            g.BCol = transposeB ? k : 1;
            g.C = pc;
            g.Ldc = n;
            g.M = m;
            g.N = n;
            g.K = k;
            g.Accumulate = accumulate;
            g.Bias = bias.IsEmpty ? null : pbias;
            g.Activation = activation;
            GemmRunner.Run(g, kernel, threads);
        }
    }

    /// <summary>Runs a strided product on this machine's kernel and <see cref="KernelOptions.Threads"/> threads (no validation: runtime callers own their pointers).</summary>
    internal static void Multiply(in GemmProblem problem) => GemmRunner.Run(problem, GemmRunner.Kernel, KernelOptions.Threads);

    private static void Validate(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, ReadOnlySpan<float> bias)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ThrowHelper.ThrowIfTooShort(a, (long)m * k, nameof(a));
        ThrowHelper.ThrowIfTooShort(b, (long)k * n, nameof(b));
        ThrowHelper.ThrowIfTooShort(c, (long)m * n, nameof(c));
        if (!bias.IsEmpty)
        {
            ThrowHelper.ThrowIfTooShort(bias, n, nameof(bias));
        }
    }
}

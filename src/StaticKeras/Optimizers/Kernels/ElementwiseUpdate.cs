using System;
using System.Runtime.Intrinsics;
using StaticKeras.Kernels;

namespace StaticKeras;

/// <summary>
/// Runs an <see cref="IUpdateRule"/> over one weight: in the widest vectors the hardware runs,
/// then element by element, split across the kernel threads for large weights. The rule is a
/// struct type argument, so each optimizer gets its own specialised, inlined loop.
/// </summary>
internal static unsafe class ElementwiseUpdate
{
    /// <summary>Below this many values one thread streams the weight faster than a hand-off.</summary>
    private const int ParallelLength = 1 << 15;

    /// <summary>Updates <paramref name="length"/> elements.</summary>
    public static void Run<TRule>(TRule rule, in UpdateBuffers buffers, int length)
        where TRule : struct, IUpdateRule
    {
        int threads = KernelOptions.Threads;
        KernelWorkers? pool = threads > 1 && length >= ParallelLength ? KernelWorkers.TryTake(threads) : null;
        if (pool is null)
        {
            Range(rule, buffers, 0, length);
            return;
        }

        try
        {
            Job<TRule>.Shared.Set(rule, buffers, length);
            pool.Run(Job<TRule>.Shared, Math.Min(threads * 4, length / 4096));
        }
        finally
        {
            KernelWorkers.Release();
        }
    }

    private static void Range<TRule>(TRule rule, in UpdateBuffers b, int start, int end)
        where TRule : struct, IUpdateRule
    {
        int i = start;
        if (Vector512.IsHardwareAccelerated)
        {
            i = rule.Vectors<Vector512Ops, Vector512Math, Vector512<float>>(b, i, end);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            i = rule.Vectors<Vector256Ops, Vector256Math, Vector256<float>>(b, i, end);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            i = rule.Vectors<Vector128Ops, Vector128Math, Vector128<float>>(b, i, end);
        }

        for (; i < end; i++)
        {
            rule.Element(b, i);
        }
    }

    /// <summary>One update split into chunks of whole cache lines; one instance per rule type.</summary>
    private sealed class Job<TRule> : ParallelJob
        where TRule : struct, IUpdateRule
    {
        public static readonly Job<TRule> Shared = new();

        private TRule rule;
        private UpdateBuffers buffers;
        private int length;

        public void Set(TRule update, in UpdateBuffers b, int count)
        {
            rule = update;
            buffers = b;
            length = count;
        }

        public override void Execute(int chunk, int chunks)
        {
            int lines = (length + 15) / 16;
            int start = (int)((long)chunk * lines / chunks) * 16;
            int end = Math.Min((int)((long)(chunk + 1) * lines / chunks) * 16, length);
            Range(rule, buffers, start, end);
        }
    }
}

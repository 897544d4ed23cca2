using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using StaticKeras.Kernels;

namespace StaticKeras;

/// <summary>
/// Adam's elementwise update over raw buffers, split across the kernel threads for large
/// weights. Each element's arithmetic is the same in every path (vector lanes and scalar tail
/// perform the same IEEE operations in the same order), so the split never changes a result.
/// </summary>
internal static unsafe class AdamKernel
{
    /// <summary>Below this many values one thread streams the weight faster than a hand-off.</summary>
    private const int ParallelLength = 1 << 15;

    /// <summary>Updates <c>length</c> parameters in place with their moments.</summary>
    public static void Update(float* parameters, float* gradients, float* m, float* v, int length, in AdamConstants k)
    {
        int threads = KernelOptions.Threads;
        KernelWorkers? pool = threads > 1 && length >= ParallelLength ? KernelWorkers.TryTake(threads) : null;
        if (pool is null)
        {
            UpdateRange(parameters, gradients, m, v, 0, length, k);
            return;
        }

        try
        {
            Job.Shared.Set(parameters, gradients, m, v, length, k);
            pool.Run(Job.Shared, Math.Min(threads * 4, length / 4096));
        }
        finally
        {
            KernelWorkers.Release();
        }
    }

    private static void UpdateRange(float* p, float* g, float* m, float* v, int start, int end, in AdamConstants k)
    {
        int i = start;
        if (Vector512.IsHardwareAccelerated)
        {
            i = UpdateVectors<Vector512Ops, Vector512<float>>(p, g, m, v, i, end, k);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            i = UpdateVectors<Vector256Ops, Vector256<float>>(p, g, m, v, i, end, k);
        }

        for (; i < end; i++)
        {
            float gi = g[i];
            m[i] += (gi - m[i]) * k.OneMinusBeta1;
            v[i] += ((gi * gi) - v[i]) * k.OneMinusBeta2;
            p[i] -= k.Alpha * m[i] / (MathF.Sqrt(v[i]) + k.Epsilon);
        }
    }

    /// <summary>
    /// Updates from <paramref name="i"/> on in whole vectors of one width, with the scalar tail's
    /// operations in the same order, and returns where the whole vectors end.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int UpdateVectors<TOps, TVector>(float* p, float* g, float* m, float* v, int i, int end, in AdamConstants k)
        where TOps : struct, IVectorOps<TVector>
        where TVector : struct
    {
        TVector c1 = TOps.Broadcast(k.OneMinusBeta1), c2 = TOps.Broadcast(k.OneMinusBeta2);
        TVector a = TOps.Broadcast(k.Alpha), e = TOps.Broadcast(k.Epsilon);
        for (; i <= end - TOps.Lanes; i += TOps.Lanes)
        {
            TVector gi = TOps.Load(g + i), mi = TOps.Load(m + i), vi = TOps.Load(v + i);
            mi = TOps.Add(mi, TOps.Multiply(TOps.Subtract(gi, mi), c1)); // m += (g − m)(1 − β₁)
            vi = TOps.Add(vi, TOps.Multiply(TOps.Subtract(TOps.Multiply(gi, gi), vi), c2)); // v += (g² − v)(1 − β₂)
            TVector step = TOps.Divide(TOps.Multiply(a, mi), TOps.Add(TOps.Sqrt(vi), e)); // α·m / (√v + ε)
            TOps.Store(TOps.Subtract(TOps.Load(p + i), step), p + i);
            TOps.Store(mi, m + i);
            TOps.Store(vi, v + i);
        }

        return i;
    }

    /// <summary>One update split into chunks of whole cache lines.</summary>
    private sealed class Job : ParallelJob
    {
        public static readonly Job Shared = new();

        private float* p, g, m, v;
        private int length;
        private AdamConstants constants;

        public void Set(float* parameters, float* gradients, float* moments, float* velocities, int count, in AdamConstants k)
        {
            p = parameters;
            g = gradients;
            m = moments;
            v = velocities;
            length = count;
            constants = k;
        }

        public override void Execute(int chunk, int chunks)
        {
            int lines = (length + 15) / 16;
            int start = (int)((long)chunk * lines / chunks) * 16;
            int end = Math.Min((int)((long)(chunk + 1) * lines / chunks) * 16, length);
            UpdateRange(p, g, m, v, start, end, constants);
        }
    }
}

/// <summary>The per-step constants of Adam's update: α, 1 − β₁, 1 − β₂, ε.</summary>
internal readonly record struct AdamConstants(float Alpha, float OneMinusBeta1, float OneMinusBeta2, float Epsilon);

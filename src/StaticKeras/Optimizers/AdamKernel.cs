using System;
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
            Vector512<float> c1 = Vector512.Create(k.OneMinusBeta1), c2 = Vector512.Create(k.OneMinusBeta2);
            Vector512<float> a = Vector512.Create(k.Alpha), e = Vector512.Create(k.Epsilon);
            for (; i <= end - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                Vector512<float> gi = Vector512.Load(g + i), mi = Vector512.Load(m + i), vi = Vector512.Load(v + i);
                mi += (gi - mi) * c1;
                vi += ((gi * gi) - vi) * c2;
                (Vector512.Load(p + i) - (a * mi / (Vector512.Sqrt(vi) + e))).Store(p + i);
                mi.Store(m + i);
                vi.Store(v + i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Vector256<float> c1 = Vector256.Create(k.OneMinusBeta1), c2 = Vector256.Create(k.OneMinusBeta2);
            Vector256<float> a = Vector256.Create(k.Alpha), e = Vector256.Create(k.Epsilon);
            for (; i <= end - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<float> gi = Vector256.Load(g + i), mi = Vector256.Load(m + i), vi = Vector256.Load(v + i);
                mi += (gi - mi) * c1;
                vi += ((gi * gi) - vi) * c2;
                (Vector256.Load(p + i) - (a * mi / (Vector256.Sqrt(vi) + e))).Store(p + i);
                mi.Store(m + i);
                vi.Store(v + i);
            }
        }

        for (; i < end; i++)
        {
            float gi = g[i];
            m[i] += (gi - m[i]) * k.OneMinusBeta1;
            v[i] += ((gi * gi) - v[i]) * k.OneMinusBeta2;
            p[i] -= k.Alpha * m[i] / (MathF.Sqrt(v[i]) + k.Epsilon);
        }
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

using StaticKeras.Kernels;

namespace StaticKeras.Kernels.Tests.Gemm;

/// <summary>Kernel calls allocate nothing once warm, on the caller or on the pool's workers.</summary>
[Collection(AllocationCollection.Name)]
public class GemmAllocationTests
{
    [Theory]
    [InlineData(false, false, 1)]
    [InlineData(true, false, 2)]
    [InlineData(false, true, 2)]
    [InlineData(false, false, 2)]
    public void Steady_state_calls_allocate_nothing(bool transposeA, bool transposeB, int threads)
    {
        const int m = 96, n = 200, k = 300;
        float[] a = GemmReference.Random(m * k, 1), b = GemmReference.Random(k * n, 2), bias = GemmReference.Random(n, 3), c = new float[m * n];
        float[] small = new float[32];
        void Calls()
        {
            Kernels.Gemm.Multiply(a, transposeA, b, transposeB, c, m, n, k, false, bias, GemmActivation.ReluInRegisters, GemmRunner.Kernel, threads);
            Kernels.Gemm.Multiply(a, transposeA, b, transposeB, c, m, n, k, true, [], GemmActivation.For<StaticKeras.Activations.Sigmoid>(), GemmRunner.Kernel, threads);
            DenseKernel.Forward<StaticKeras.Activations.Relu>(small, small, small.AsSpan(0, 8), small, 4, 4, 8);
        }

        for (int i = 0; i < 20; i++)
        {
            Calls();
        }

        long thread = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++)
        {
            Calls();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - thread);
    }

    [Fact]
    public void Pool_workers_allocate_nothing_per_chunk()
    {
        var job = new MeasuringJob();
        for (int i = 0; i < 200; i++)
        {
            KernelWorkers? pool = KernelWorkers.TryTake(2);
            Assert.NotNull(pool);
            try
            {
                pool.Run(job, 2);
            }
            finally
            {
                KernelWorkers.Release();
            }
        }

        Assert.True(job.WorkerChunks > 0, "no chunk ran on a worker");
        Assert.Equal(0, job.Allocated);
    }

    /// <summary>Runs a GEMM rectangle per chunk and records what the running thread allocated meanwhile.</summary>
    private sealed unsafe class MeasuringJob : ParallelJob
    {
        private readonly float[] a = GemmReference.Random(64 * 300, 1), b = GemmReference.Random(300 * 256, 2), c = new float[64 * 256];
        private readonly int caller = Environment.CurrentManagedThreadId;
        private long allocated;
        private int workerChunks;
        private int calls;

        public long Allocated => Interlocked.Read(ref allocated);

        public int WorkerChunks => workerChunks;

        public override void Execute(int chunk, int chunks)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            fixed (float* pa = a, pb = b, pc = c)
            {
                GemmProblem g = default;
                g.A = pa;
                g.B = pb;
                g.C = pc;
                (g.ARow, g.ACol, g.BRow, g.BCol, g.Ldc) = (300, 1, 256, 1, 256);
                (g.M, g.N, g.K, g.Activation) = (64, 256, 300, GemmActivation.ReluInRegisters);
                GemmRunner.Run(g, GemmRunner.Kernel, 0, 64, chunk * 128, (chunk + 1) * 128);
            }

            long delta = GC.GetAllocatedBytesForCurrentThread() - before;
            if (Environment.CurrentManagedThreadId != caller)
            {
                // A worker's first chunk may create its packing buffer; only later ones must be free.
                if (Interlocked.Increment(ref workerChunks) > 1)
                {
                    Interlocked.Add(ref allocated, delta);
                }
            }
            else if (Interlocked.Increment(ref calls) > 1)
            {
                Interlocked.Add(ref allocated, delta);
            }
        }
    }
}

/// <summary>Allocation tests count the whole process's bytes, so nothing else may run beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    public const string Name = "Allocation";
}

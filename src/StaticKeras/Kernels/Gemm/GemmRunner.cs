namespace StaticKeras.Kernels;

/// <summary>Dispatches a <see cref="GemmProblem"/> to a micro-kernel, on one thread or split across the pool.</summary>
internal static class GemmRunner
{
    /// <summary>
    /// Multiply-adds below which a product stays on the calling thread: handing a chunk to a
    /// spinning worker costs about a microsecond, a sleeping one several.
    /// </summary>
    public const long ParallelWork = 1L << 17;

    /// <summary>The kernel this machine runs.</summary>
    public static GemmKernelKind Kernel => GemmKernelSelection.Best;

    /// <summary>Runs the whole problem, split across up to <paramref name="threads"/> threads when it is large enough.</summary>
    public static void Run(in GemmProblem g, GemmKernelKind kernel, int threads)
    {
        if (kernel != GemmKernelKind.Scalar && GemmSmall.Suits(g))
        {
            GemmSmall.Run(g);
            return;
        }

        int chunks = GemmJob.Chunks(g, kernel, threads, out bool byColumns);
        KernelWorkers? pool = chunks > 1 ? KernelWorkers.TryTake(threads) : null;
        if (pool is null)
        {
            Run(g, kernel, 0, g.M, 0, g.N);
            return;
        }

        try
        {
            GemmJob.Shared.Set(g, kernel, byColumns);
            pool.Run(GemmJob.Shared, chunks);
        }
        finally
        {
            KernelWorkers.Release();
        }
    }

    /// <summary>Computes one rectangle of C with the chosen kernel.</summary>
    public static void Run(in GemmProblem g, GemmKernelKind kernel, int rowStart, int rowEnd, int colStart, int colEnd)
    {
        switch (kernel)
        {
            case GemmKernelKind.Vector512:
                GemmDriver<MicroKernel512>.Run(g, rowStart, rowEnd, colStart, colEnd);
                break;
            case GemmKernelKind.Vector256:
                GemmDriver<MicroKernel256>.Run(g, rowStart, rowEnd, colStart, colEnd);
                break;
            case GemmKernelKind.Vector128:
                GemmDriver<MicroKernel128>.Run(g, rowStart, rowEnd, colStart, colEnd);
                break;
            default:
                GemmDriver<MicroKernelScalar>.Run(g, rowStart, rowEnd, colStart, colEnd);
                break;
        }
    }
}

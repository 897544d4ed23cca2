namespace StaticKeras.Kernels;

/// <summary>
/// Work that <see cref="KernelWorkers"/> splits into chunks. A kernel keeps one instance and
/// refills its fields per call, so dispatching work allocates nothing (no closure, no delegate).
/// </summary>
internal abstract class ParallelJob
{
    /// <summary>Runs chunk <paramref name="chunk"/> of <paramref name="chunks"/>; chunks must be independent.</summary>
    public abstract void Execute(int chunk, int chunks);
}

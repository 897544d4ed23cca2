namespace StaticKeras.Kernels;

/// <summary>
/// Splits <c>[0, count)</c> (samples, rows of an output) into one contiguous range per thread and
/// runs a static function on each: the pooled parallelism of the kernels that are not GEMMs
/// (depthwise convolution, pooling, normalisation). Every range computes its own outputs, so the
/// result does not depend on the split; nothing is allocated per call.
/// </summary>
internal sealed unsafe class RangeJob : ParallelJob
{
    /// <summary>The one instance, used while <see cref="KernelWorkers"/> is taken (one job at a time).</summary>
    private static readonly RangeJob Shared = new();

    private delegate*<void*, int, int, void> body;
    private void* arguments;
    private int count;

    /// <summary>
    /// Runs <c>body(arguments, first, last)</c> over ranges covering <c>[0, count)</c>: on the
    /// caller alone when <paramref name="threads"/> is 1, the work is below
    /// <see cref="GemmRunner.ParallelWork"/> or the pool is busy; else one range per thread.
    /// </summary>
    /// <param name="body">What one range computes.</param>
    /// <param name="arguments">The call's arguments (a struct on the caller's stack).</param>
    /// <param name="count">Items to split.</param>
    /// <param name="threads">Threads the call may use.</param>
    /// <param name="work">Roughly how many multiply-adds (or element operations) the call does in all.</param>
    public static void Run(delegate*<void*, int, int, void> body, void* arguments, int count, int threads, long work)
    {
        int chunks = threads < count ? threads : count;
        KernelWorkers? pool = chunks > 1 && work >= GemmRunner.ParallelWork ? KernelWorkers.TryTake(threads) : null;
        if (pool is null)
        {
            body(arguments, 0, count);
            return;
        }

        try
        {
            Shared.body = body;
            Shared.arguments = arguments;
            Shared.count = count;
            pool.Run(Shared, chunks);
        }
        finally
        {
            KernelWorkers.Release();
        }
    }

    /// <inheritdoc/>
    public override void Execute(int chunk, int chunks)
    {
        int first = (int)((long)chunk * count / chunks);
        int last = (int)((long)(chunk + 1) * count / chunks);
        if (first < last)
        {
            body(arguments, first, last);
        }
    }
}

using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace StaticKeras.Kernels;

/// <summary>
/// A persistent pool of kernel threads. The caller posts a <see cref="ParallelJob"/>, works on it
/// itself, and returns when every chunk is done. Workers spin briefly after each job (the next
/// kernel of a training step follows within microseconds) and then sleep on an event, so an idle
/// process costs nothing. One job runs at a time: a caller that finds the pool busy (another
/// thread's model) runs its kernel alone, which gives the same result.
/// </summary>
internal sealed class KernelWorkers
{
    private static readonly object Gate = new();
    private static KernelWorkers? shared;
    private static int busy;

    private readonly Worker[] workers;

    // Closed between jobs, so a worker that wakes late for an old job claims nothing.
    private readonly ChunkClaims claims = new();
    private int pending;
    private ExceptionDispatchInfo? failure;

    private KernelWorkers(int count)
    {
        workers = new Worker[count];
        for (int i = 0; i < count; i++)
        {
            workers[i] = new Worker(this, i);
        }
    }

    /// <summary>Worker threads (the caller is the extra one).</summary>
    public int Count => workers.Length;

    /// <summary>
    /// Takes the pool for one job with up to <paramref name="threads"/> threads, or returns null
    /// when another caller holds it. Pair with <see cref="Release"/>.
    /// </summary>
    public static KernelWorkers? TryTake(int threads)
    {
        if (Interlocked.CompareExchange(ref busy, 1, 0) != 0)
        {
            return null;
        }

        KernelWorkers? pool = Volatile.Read(ref shared);
        if (pool is null || pool.Count < threads - 1)
        {
            pool = Grow(threads - 1);
        }

        return pool;
    }

    /// <summary>Gives the pool back.</summary>
    public static void Release() => Volatile.Write(ref busy, 0);

    /// <summary>Runs chunks <c>0 .. chunks-1</c> of <paramref name="work"/> on the caller and up to <c>chunks - 1</c> workers.</summary>
    public void Run(ParallelJob work, int chunkCount)
    {
        failure = null;
        pending = chunkCount;
        claims.Open(work, chunkCount); // after the count, which the open releases to the workers
        int helpers = Math.Min(chunkCount - 1, workers.Length);
        for (int i = 0; i < helpers; i++)
        {
            workers[i].Post();
        }

        Participate();
        AwaitWorkers();

        claims.Close();
        failure?.Throw();
    }

    /// <summary>
    /// Waits for the chunks workers still run: a busy spin first (a chunk takes microseconds, and
    /// yielding the core could hand it to another process for a whole time slice), then yields.
    /// </summary>
    private void AwaitWorkers()
    {
        long yieldAfter = System.Diagnostics.Stopwatch.GetTimestamp() + Worker.SpinTicks;
        var spinner = default(SpinWait);
        while (Volatile.Read(ref pending) != 0)
        {
            if (System.Diagnostics.Stopwatch.GetTimestamp() < yieldAfter)
            {
                Thread.SpinWait(8);
            }
            else
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }
        }
    }

    /// <summary>Claims and runs chunks until none is left. A late worker finds none and goes back to waiting.</summary>
    private void Participate()
    {
        while (claims.TryClaim(out ParallelJob job, out int chunk, out int chunks))
        {
            try
            {
                job.Execute(chunk, chunks);
            }
            catch (Exception e)
            {
                failure ??= ExceptionDispatchInfo.Capture(e);
            }

            Interlocked.Decrement(ref pending);
        }
    }

    private static KernelWorkers Grow(int count)
    {
        lock (Gate)
        {
            KernelWorkers? old = shared;
            if (old is not null && old.Count >= count)
            {
                return old;
            }

            var pool = new KernelWorkers(count);
            old?.Stop();
            Volatile.Write(ref shared, pool);
            return pool;
        }
    }

    private void Stop()
    {
        foreach (Worker worker in workers)
        {
            worker.Stop();
        }
    }

    /// <summary>One background thread: spin on its post counter for a while, then sleep until posted.</summary>
    private sealed class Worker
    {
        // About 50 µs of spinning after each job: longer than the gap between the kernels of a
        // step, short enough not to eat the time slices of a machine shared with other work.
        public static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 20000;

        private readonly KernelWorkers pool;
        private readonly ManualResetEventSlim wake = new(false, 0);
        private long posted;
        private int sleeping;
        private volatile bool stopping;

        public Worker(KernelWorkers pool, int index)
        {
            this.pool = pool;
            var thread = new Thread(Loop) { IsBackground = true, Name = "StaticKeras kernel " + (index + 1) };
            thread.Start();
        }

        public void Post()
        {
            Interlocked.Increment(ref posted);
            if (Volatile.Read(ref sleeping) != 0)
            {
                wake.Set();
            }
        }

        public void Stop()
        {
            stopping = true;
            Post();
        }

        private void Loop()
        {
            // The GEMM packing buffer is the only per-thread state kernels keep: create it now, so
            // a worker's first chunk of a later step does not allocate.
            GemmScratch.ForThread();
            long seen = 0;
            while (!stopping)
            {
                seen = WaitForPost(seen);
                if (!stopping)
                {
                    pool.Participate();
                }
            }
        }

        private long WaitForPost(long seen)
        {
            long deadline = System.Diagnostics.Stopwatch.GetTimestamp() + SpinTicks;
            int spins = 0;
            long now;
            while ((now = Volatile.Read(ref posted)) == seen)
            {
                if ((++spins & 63) != 0 || System.Diagnostics.Stopwatch.GetTimestamp() < deadline)
                {
                    Thread.SpinWait(8);
                    continue;
                }

                // Announce the sleep before the last look at the counter: Post either sees the
                // flag and sets the event, or this look sees the post (both sides fence).
                Interlocked.Exchange(ref sleeping, 1);
                if (Volatile.Read(ref posted) == seen)
                {
                    wake.Wait();
                }

                wake.Reset();
                Volatile.Write(ref sleeping, 0);
                deadline = System.Diagnostics.Stopwatch.GetTimestamp() + SpinTicks;
            }

            return now;
        }
    }
}

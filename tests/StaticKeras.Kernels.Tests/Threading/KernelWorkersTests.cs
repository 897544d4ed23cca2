using StaticKeras.Kernels;
using StaticKeras.Kernels.Tests.Gemm;

namespace StaticKeras.Kernels.Tests.Threading;

/// <summary>
/// The pool hands out every chunk of a job exactly once, even when jobs of different sizes
/// follow each other and workers are preempted at any instruction (more threads than cores).
/// </summary>
[Collection(AllocationCollection.Name)]
public class KernelWorkersTests
{
    /// <summary>
    /// A worker preempted between claiming a chunk index of a small job and reading the job's
    /// chunk count must not take that index as a claim on the next, larger job: the chunk would
    /// run twice and the job's pending count would go below zero, so the caller would wait forever.
    /// </summary>
    [Fact]
    public void Back_to_back_jobs_of_different_sizes_run_each_chunk_once()
    {
        const int threads = 8;
        var job = new CountingJob();
        Exception? failure = null;
        var driver = new Thread(() =>
        {
            try
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                for (int i = 0; clock.Elapsed < TimeSpan.FromSeconds(3); i++)
                {
                    RunOnce(job, threads, chunks: i % 2 == 0 ? 2 : CountingJob.MaxChunks);
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        })
        { IsBackground = true };

        driver.Start();
        Assert.True(driver.Join(TimeSpan.FromSeconds(60)), "a job never finished: its caller waits for a chunk count that cannot reach zero");
        Assert.Null(failure);
    }

    /// <summary>
    /// The interleaving behind the hang, played step by step: a worker reads the state of a
    /// 2-chunk job, the caller runs that chunk itself, closes the job and opens an 8-chunk one,
    /// and only then does the worker try to claim. Its claim must fail, and the next claim must
    /// be the new job's chunk 0.
    /// </summary>
    [Fact]
    public void A_claim_read_in_one_job_cannot_take_an_index_of_the_next()
    {
        var claims = new ChunkClaims();
        var small = new CountingJob();
        var large = new CountingJob();
        claims.Open(small, 2);
        Assert.True(claims.TryClaim(out _, out int first, out _));
        Assert.Equal(0, first);

        ChunkClaims.Snapshot stale = claims.Peek();
        Assert.True(stale.Claimable);
        Assert.Equal(1, stale.Index);
        Assert.True(claims.TryClaim(out _, out int second, out _));
        Assert.Equal(1, second);
        Assert.False(claims.TryClaim(out _, out _, out _));
        claims.Close();
        claims.Open(large, 8);

        Assert.False(claims.TryCommit(stale));
        Assert.True(claims.TryClaim(out ParallelJob job, out int chunk, out int chunks));
        Assert.Same(large, job);
        Assert.Equal((0, 8), (chunk, chunks));
    }

    [Fact]
    public void A_closed_job_offers_nothing_and_each_index_is_claimed_once()
    {
        var claims = new ChunkClaims();
        Assert.False(claims.TryClaim(out _, out _, out _));
        claims.Open(new CountingJob(), 3);
        var seen = new List<int>();
        while (claims.TryClaim(out _, out int chunk, out _))
        {
            seen.Add(chunk);
        }

        Assert.Equal([0, 1, 2], seen);
        claims.Close();
        Assert.False(claims.Peek().Claimable);
        Assert.False(claims.TryClaim(out _, out _, out _));
    }

    private static void RunOnce(CountingJob job, int threads, int chunks)
    {
        KernelWorkers? pool = KernelWorkers.TryTake(threads);
        Assert.NotNull(pool);
        try
        {
            job.Reset();
            pool.Run(job, chunks);
            job.AssertEachRanOnce(chunks);
        }
        finally
        {
            KernelWorkers.Release();
        }
    }

    /// <summary>Counts how often each chunk runs, and spends a little time in each so workers overlap.</summary>
    private sealed class CountingJob : ParallelJob
    {
        public const int MaxChunks = 16;

        private readonly int[] runs = new int[MaxChunks + 1];

        public void Reset() => Array.Clear(runs);

        public void AssertEachRanOnce(int chunks)
        {
            for (int chunk = 0; chunk < runs.Length; chunk++)
            {
                Assert.True(runs[chunk] == (chunk < chunks ? 1 : 0), $"chunk {chunk} of {chunks} ran {runs[chunk]} times");
            }
        }

        public override void Execute(int chunk, int chunks)
        {
            Interlocked.Increment(ref runs[Math.Min(chunk, MaxChunks)]);
            Thread.SpinWait(50);
        }
    }
}

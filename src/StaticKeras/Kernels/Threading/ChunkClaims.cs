using System.Threading;

namespace StaticKeras.Kernels;

/// <summary>
/// Hands out the chunk indices of the one open job, each exactly once. A claim is a
/// compare-and-swap on the job's generation and next index together, so a thread that read the
/// state of one job and was preempted before claiming cannot take an index of the next job with
/// the first job's view: its swap fails because the generation moved on. (A plain increment of a
/// shared index cannot tell whose index it took: a worker that drew index 2 of a finished
/// 2-chunk job and then read the 8-chunk count of the next one ran chunk 2 a second time, and the
/// job's pending count went below zero, so its caller waited forever.)
/// </summary>
internal sealed class ChunkClaims
{
    /// <summary>The index part while no job is open: above every chunk count, so nothing is claimable.</summary>
    private const long Closed = int.MaxValue;

    private const long IndexMask = 0xFFFF_FFFFL;

    // (generation << 32) | next index. Written by the owner (Open, Close) and swapped by claimers.
    private long state = Closed;
    private ParallelJob? job;
    private int chunks;

    /// <summary>Publishes <paramref name="work"/> with <paramref name="chunkCount"/> chunks under a new generation. Owner only.</summary>
    public void Open(ParallelJob work, int chunkCount)
    {
        job = work;
        chunks = chunkCount;
        long generation = (Volatile.Read(ref state) >> 32) + 1;
        Volatile.Write(ref state, generation << 32); // releases the job and count written above
    }

    /// <summary>Ends the open job: later claims find nothing. Owner only, after every claimed chunk finished.</summary>
    public void Close()
    {
        // A full fence, so the next Open's writes of the job and count cannot become visible to a
        // claimer before the closed state does.
        Interlocked.Exchange(ref state, (Volatile.Read(ref state) & ~IndexMask) | Closed);
        job = null;
    }

    /// <summary>What a claimer saw: the state word, and the job and count that belong to it if it still holds at the swap.</summary>
    public readonly record struct Snapshot(long State, ParallelJob? Job, int Chunks)
    {
        /// <summary>The index this snapshot would claim.</summary>
        public int Index => (int)(State & IndexMask);

        /// <summary>Whether the snapshot offers a chunk at all.</summary>
        public bool Claimable => Job is not null && Index < Chunks;
    }

    /// <summary>Reads the state, then the job and count (in that order: they are only trusted if the state has not moved by the swap).</summary>
    public Snapshot Peek()
    {
        long s = Volatile.Read(ref state);
        return new Snapshot(s, Volatile.Read(ref job), Volatile.Read(ref chunks));
    }

    /// <summary>Claims the snapshot's index if the state is still the one it read.</summary>
    public bool TryCommit(in Snapshot snapshot) =>
        snapshot.Claimable && Interlocked.CompareExchange(ref state, snapshot.State + 1, snapshot.State) == snapshot.State;

    /// <summary>Claims the next chunk of the open job, or returns false when none is left.</summary>
    public bool TryClaim(out ParallelJob claimedJob, out int chunk, out int chunkCount)
    {
        while (true)
        {
            Snapshot snapshot = Peek();
            if (snapshot.Claimable && TryCommit(snapshot))
            {
                claimedJob = snapshot.Job!;
                chunk = snapshot.Index;
                chunkCount = snapshot.Chunks;
                return true;
            }

            // Nothing offered, and the state is still what we read: the job is used up (or none
            // is open). Otherwise another claimer or a new job moved it; look again.
            if (!snapshot.Claimable && Volatile.Read(ref state) == snapshot.State)
            {
                claimedJob = null!;
                chunk = chunkCount = 0;
                return false;
            }
        }
    }
}

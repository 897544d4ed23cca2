using System;
using System.Threading;

namespace StaticKeras;

/// <summary>
/// The <see cref="InferenceContext"/>s of one model. Each thread keeps the context it used last
/// (a thread-static field: no interlocked operation, no contention), so a thread that predicts
/// again with the same model reuses its own workspace and allocates nothing. Other contexts wait
/// in a few lock-free slots (one interlocked operation to take or give back) for threads that
/// have none yet, so memory follows the number of concurrent callers, not of threads.
/// </summary>
internal sealed class InferencePool
{
    [ThreadStatic]
    private static InferenceContext? threadContext;

    private readonly InferenceContext?[] slots = new InferenceContext?[Math.Max(8, 2 * Environment.ProcessorCount)];

    /// <summary>A context for one call on this thread: its own, a pooled one, or a new one.</summary>
    public InferenceContext Rent()
    {
        InferenceContext? mine = threadContext;
        if (mine is not null && ReferenceEquals(mine.Pool, this))
        {
            threadContext = null;
            return mine;
        }

        for (int i = 0; i < slots.Length; i++)
        {
            if (Volatile.Read(ref slots[i]) is not null && Interlocked.Exchange(ref slots[i], null) is { } pooled)
            {
                return pooled;
            }
        }

        return new InferenceContext(this);
    }

    /// <summary>Keeps <paramref name="context"/> as this thread's; the one it replaces goes back to its own model's slots.</summary>
    public void Return(InferenceContext context)
    {
        InferenceContext? previous = threadContext;
        threadContext = context;
        previous?.Pool.Park(previous);
    }

    /// <summary>Puts a context in a free slot, or lets it go when every slot is taken.</summary>
    private void Park(InferenceContext context)
    {
        for (int i = 0; i < slots.Length; i++)
        {
            if (Volatile.Read(ref slots[i]) is null && Interlocked.CompareExchange(ref slots[i], context, null) is null)
            {
                return;
            }
        }
    }
}

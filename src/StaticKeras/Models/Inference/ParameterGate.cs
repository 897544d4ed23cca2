using System;
using System.Threading;

namespace StaticKeras;

/// <summary>
/// Keeps predictions from reading weights while a training step (or a weight load) writes them:
/// any number of readers at once, or one writer. A reader that finds a writer waits for its step
/// to end, and a writer waits for the readers in flight, with new readers held back meanwhile, so
/// every prediction sees the weights of one step and never a mix. Entering and leaving are one
/// interlocked operation each when nobody contends, so a single-threaded model pays nothing
/// worth measuring. Two writers at once (two threads training one model) are an error.
/// </summary>
internal sealed class ParameterGate
{
    private const int Writer = 1 << 30;
    private int state;
    private int writerThread;

    /// <summary>Begins a read (a prediction).</summary>
    public void EnterRead()
    {
        var spin = default(SpinWait);
        while (true)
        {
            int s = Volatile.Read(ref state);
            if ((s & Writer) == 0 && Interlocked.CompareExchange(ref state, s + 1, s) == s)
            {
                return;
            }

            spin.SpinOnce();
        }
    }

    /// <summary>Ends a read.</summary>
    public void ExitRead() => Interlocked.Decrement(ref state);

    /// <summary>Begins a write (a training step, a weight load).</summary>
    /// <param name="model">The model's name, for the message.</param>
    /// <exception cref="InvalidOperationException">Another thread is writing (training) this model.</exception>
    public void EnterWrite(string model)
    {
        int s = Volatile.Read(ref state);
        while ((s & Writer) == 0)
        {
            int seen = Interlocked.CompareExchange(ref state, s | Writer, s);
            if (seen == s)
            {
                writerThread = Environment.CurrentManagedThreadId;
                var spin = default(SpinWait);
                while ((Volatile.Read(ref state) & ~Writer) != 0)
                {
                    spin.SpinOnce();
                }

                return;
            }

            s = seen;
        }

        throw new InvalidOperationException(
            $"Model '{model}' is being trained or loaded on thread {writerThread} while thread {Environment.CurrentManagedThreadId} tries to change its weights too. " +
            "Train one model from one thread at a time (prediction from any number of threads is safe, also while it trains).");
    }

    /// <summary>Ends a write.</summary>
    public void ExitWrite() => Interlocked.Add(ref state, -Writer);
}

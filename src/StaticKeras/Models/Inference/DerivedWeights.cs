using System;
using System.Threading;

namespace StaticKeras;

/// <summary>
/// Keeps what the inference pass derives from the weights (a convolution's Winograd-transformed
/// kernel) in step with them. A weight write marks it stale; the first prediction after that
/// rebuilds it, once, under a lock, while the prediction gate holds writers off, so every
/// prediction reads derived values of the weights it reads.
/// </summary>
internal sealed class DerivedWeights
{
    private readonly Lock sync = new();
    private readonly Action prepare;
    private volatile bool stale = true;

    /// <param name="prepare">Rebuilds every derived buffer from the current weights (the generated <c>PrepareDerived</c>).</param>
    public DerivedWeights(Action prepare) => this.prepare = prepare;

    /// <summary>The weights changed (or may have: a span over them was handed out).</summary>
    public void Invalidate() => stale = true;

    /// <summary>
    /// Rebuilds the derived buffers when the weights changed since the last rebuild. Call inside
    /// a read of the parameter gate, so no write runs meanwhile.
    /// </summary>
    public void EnsureCurrent()
    {
        if (!stale)
        {
            return;
        }

        lock (sync)
        {
            // Another prediction may have rebuilt them while this one waited.
            if (stale)
            {
                prepare();
                stale = false;
            }
        }
    }
}

using System;
using System.Collections.Generic;

namespace StaticKeras.Generators.Planning;

/// <summary>
/// A buffer being planned: its size, where it comes from, and the span of op times in which it
/// holds live data. Tensors that alias (Flatten of a Dense) share one storage.
/// </summary>
internal sealed class Storage
{
    public Storage(string variable, BufferSource source, int size, string comment, bool perSample = true)
    {
        Variable = variable;
        Source = source;
        Size = size;
        Comment = comment;
        PerSample = perSample;
    }

    public string Variable { get; }

    public BufferSource Source { get; set; }

    /// <summary>Floats: per sample, or in all when not <see cref="PerSample"/>.</summary>
    public int Size { get; }

    /// <summary>True when the buffer scales with the batch; false for one of constant size (the workspace's fixed region).</summary>
    public bool PerSample { get; }

    public string Comment { get; set; }

    /// <summary>Offset in its source (per sample, or in floats for a fixed buffer); set by the allocator for workspace storages.</summary>
    public int Offset { get; set; }

    public int Start { get; private set; } = int.MaxValue;

    public int End { get; private set; } = -1;

    /// <summary>Writes to this storage by backward ops, as (time, consumer layer, input position).</summary>
    public List<(int Time, int Layer, int Position)> Writes { get; } = new();

    /// <summary>Marks the storage live at op time <paramref name="time"/>.</summary>
    public void Touch(int time)
    {
        Start = Math.Min(Start, time);
        End = Math.Max(End, time);
    }

    /// <summary>True when both hold live data at some common time.</summary>
    public bool OverlapsInTime(Storage other) => Start <= other.End && other.Start <= End;
}

using System;
using System.Runtime.CompilerServices;

namespace StaticKeras.Tensors;

/// <summary>
/// A pinned float buffer whose first element is 64-byte aligned, so Vector512 loads of planned
/// offsets (multiples of 16 floats) never split a cache line. Grows only when asked for more.
/// </summary>
internal sealed class AlignedBuffer
{
    private const int AlignmentFloats = 16;
    private float[] storage = Array.Empty<float>();
    private int start;

    public AlignedBuffer(int length = 0) => EnsureLength(length);

    /// <summary>The usable length in floats.</summary>
    public int Length { get; private set; }

    /// <summary>The whole buffer.</summary>
    public Span<float> Span => storage.AsSpan(start, Length);

    /// <summary>Makes room for <paramref name="length"/> floats, keeping nothing (the workspace holds no state between steps).</summary>
    /// <returns>True when it had to allocate.</returns>
    public bool EnsureLength(int length)
    {
        if (length <= Length)
        {
            return false;
        }

        storage = GC.AllocateArray<float>(length + AlignmentFloats, pinned: true);
        start = Misalignment(storage);
        Length = length;
        return true;
    }

    /// <summary>Makes room for <paramref name="length"/> floats, keeping the current contents.</summary>
    public void Resize(int length)
    {
        float[] old = storage;
        int oldStart = start, oldLength = Length;
        Length = 0;
        EnsureLength(length);
        old.AsSpan(oldStart, Math.Min(oldLength, length)).CopyTo(Span);
    }

    private static unsafe int Misalignment(float[] array)
    {
        nint address = (nint)Unsafe.AsPointer(ref array[0]);
        int offsetBytes = (int)((64 - (address & 63)) & 63);
        return offsetBytes / sizeof(float);
    }
}

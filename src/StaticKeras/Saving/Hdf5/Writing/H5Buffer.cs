using System;
using System.Buffers.Binary;

namespace StaticKeras.Saving.Hdf5;

/// <summary>A growable little-endian byte buffer for encoding HDF5 metadata.</summary>
internal sealed class H5Buffer
{
    private byte[] _data = new byte[256];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => new(_data, 0, Length);

    public H5Buffer U8(int v)
    {
        Grow(1)[0] = (byte)v;
        return this;
    }

    public H5Buffer U16(int v)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(Grow(2), checked((ushort)v));
        return this;
    }

    public H5Buffer U32(uint v)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(Grow(4), v);
        return this;
    }

    public H5Buffer U64(ulong v)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(Grow(8), v);
        return this;
    }

    /// <summary>An 8-byte address or length; negative writes the undefined address.</summary>
    public H5Buffer Address(long v) => U64(v < 0 ? ulong.MaxValue : (ulong)v);

    public H5Buffer Bytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Grow(bytes.Length));
        return this;
    }

    /// <summary>Appends the metadata checksum of everything from <paramref name="start"/>.</summary>
    public H5Buffer Checksum(int start) => U32(H5Checksum.Lookup3(new ReadOnlySpan<byte>(_data, start, Length - start)));

    /// <summary>Overwrites a 16-bit value already written at <paramref name="at"/>.</summary>
    public void PatchU16(int at, int v) => BinaryPrimitives.WriteUInt16LittleEndian(new Span<byte>(_data, at, 2), checked((ushort)v));

    public void Clear() => Length = 0;

    private Span<byte> Grow(int n)
    {
        if (Length + n > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, Length + n));
        }

        var span = new Span<byte>(_data, Length, n);
        Length += n;
        return span;
    }
}

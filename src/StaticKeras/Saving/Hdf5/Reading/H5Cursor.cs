using System;
using System.Buffers.Binary;
using System.Text;

namespace StaticKeras.Saving.Hdf5;

/// <summary>
/// A bounds-checked little-endian reader over one structure of an HDF5 file. Reading past the
/// structure's end throws <see cref="ModelFileException"/> naming the object and the structure, so a
/// corrupted length can never read another structure's bytes or fail with an index error.
/// </summary>
internal struct H5Cursor
{
    /// <summary>The "undefined address" value: all bits set.</summary>
    public const long Undefined = -1;

    private readonly H5Source _source;
    private readonly long _end;
    private readonly string _what;

    public H5Cursor(H5Source source, long start, long end, string path, string what)
    {
        _source = source;
        Position = start;
        _end = end;
        Path = path;
        _what = what;
    }

    /// <summary>The absolute offset of the next byte.</summary>
    public long Position { get; private set; }

    /// <summary>The object this structure belongs to, for messages.</summary>
    public string Path { get; }

    /// <summary>Bytes left before the structure's end.</summary>
    public long Remaining => _end - Position;

    public H5Source Source => _source;

    public byte U8() => Take(1)[0];

    public ushort U16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>An unsigned little-endian integer of <paramref name="size"/> bytes (1 to 8).</summary>
    public ulong UVar(int size)
    {
        if (size < 1 || size > 8)
        {
            throw Fail($"a field width of {size} bytes (expected 1 to 8)");
        }

        ReadOnlySpan<byte> b = Take(size);
        ulong v = 0;
        for (int i = size - 1; i >= 0; i--)
        {
            v = (v << 8) | b[i];
        }

        return v;
    }

    /// <summary>An address (size of offsets bytes); <see cref="Undefined"/> when all bits are set.</summary>
    public long Address()
    {
        int size = _source.OffsetSize;
        ulong v = UVar(size);
        ulong undefined = size == 8 ? ulong.MaxValue : (1UL << (8 * size)) - 1;
        if (v == undefined)
        {
            return Undefined;
        }

        if (v > long.MaxValue / 2)
        {
            throw Fail($"an address of {v}, beyond any file");
        }

        return (long)v;
    }

    /// <summary>A length field (size of lengths bytes), as a non-negative long.</summary>
    public long Length()
    {
        ulong v = UVar(_source.LengthSize);
        if (v > long.MaxValue / 2)
        {
            throw Fail($"a length of {v}, beyond any file");
        }

        return (long)v;
    }

    /// <summary>The next <paramref name="count"/> bytes, without copying.</summary>
    public ReadOnlySpan<byte> Bytes(long count) => Take(count);

    public void Skip(long count) => Take(count);

    /// <summary>Moves to absolute offset <paramref name="position"/> inside this structure.</summary>
    public void Seek(long position)
    {
        if (position < 0 || position > _end)
        {
            throw Fail($"a jump to offset {position}");
        }

        Position = position;
    }

    /// <summary>Expects the 4-byte signature <paramref name="signature"/> (such as <c>OHDR</c>).</summary>
    public void Signature(string signature)
    {
        ReadOnlySpan<byte> b = Take(4);
        for (int i = 0; i < 4; i++)
        {
            if (b[i] != signature[i])
            {
                throw _source.Error(Path, $"expected the signature '{signature}' of the {_what} at offset {Position - 4}, found '{Printable(b)}'; the file is corrupted or not HDF5");
            }
        }
    }

    /// <summary>A null-terminated string of at most <paramref name="max"/> bytes (UTF-8).</summary>
    public string NullTerminated(long max)
    {
        long limit = Math.Min(max, Remaining);
        byte[] data = _source.Data;
        long start = Position;
        for (long i = start; i < start + limit; i++)
        {
            if (data[i] == 0)
            {
                Position = i + 1;
                return Encoding.UTF8.GetString(data, (int)start, (int)(i - start));
            }
        }

        throw Fail("a name that is not null-terminated");
    }

    /// <summary>The failure for a malformed field: names the file, the object, the structure and its offset.</summary>
    public ModelFileException Fail(string found) =>
        _source.Error(Path, $"the {_what} at offset {Position} holds {found}; the file is corrupted or uses an HDF5 feature this reader does not support");

    private ReadOnlySpan<byte> Take(long count)
    {
        if (count < 0 || count > _end - Position)
        {
            throw _source.Error(Path, $"the {_what} needs {count} more bytes at offset {Position} but ends at offset {_end}; the file is truncated or corrupted");
        }

        var span = new ReadOnlySpan<byte>(_source.Data, (int)Position, (int)count);
        Position += count;
        return span;
    }

    private static string Printable(ReadOnlySpan<byte> b)
    {
        var s = new StringBuilder();
        foreach (byte x in b)
        {
            s.Append(x >= 32 && x < 127 ? (char)x : '?');
        }

        return s.ToString();
    }
}

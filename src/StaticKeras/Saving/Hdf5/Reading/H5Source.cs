using System;

namespace StaticKeras.Saving.Hdf5;

/// <summary>
/// The bytes of one HDF5 file and what every structure in it shares: its name for messages, the
/// superblock's address and length widths, and its base address.
/// </summary>
/// <remarks>
/// The reader works on a byte array (not a stream) so it needs nothing beyond netstandard2.0 and
/// System.Memory and can be compiled into the source generator to read files at compile time.
/// </remarks>
internal sealed class H5Source
{
    public H5Source(byte[] data, string name)
    {
        Data = data;
        Name = name;
    }

    /// <summary>The whole file.</summary>
    public byte[] Data { get; }

    /// <summary>The file name used in error messages.</summary>
    public string Name { get; }

    /// <summary>Bytes per address (the superblock's "size of offsets").</summary>
    public int OffsetSize { get; set; } = 8;

    /// <summary>Bytes per length field (the superblock's "size of lengths").</summary>
    public int LengthSize { get; set; } = 8;

    /// <summary>Where address 0 is in the file (non-zero after a user block).</summary>
    public long BaseAddress { get; set; }

    /// <summary>A cursor over <paramref name="length"/> bytes at file address <paramref name="address"/>, for the object <paramref name="path"/>.</summary>
    public H5Cursor At(long address, long length, string path, string what)
    {
        long start = BaseAddress + address;
        if (address < 0 || length < 0 || start > Data.Length || length > Data.Length - start)
        {
            throw Error(path, $"the {what} at address {address} ({length} bytes) lies outside the file of {Data.Length} bytes; the file is truncated or corrupted");
        }

        return new H5Cursor(this, start, start + length, path, what);
    }

    /// <summary>A cursor from file address <paramref name="address"/> to the end of the file.</summary>
    public H5Cursor At(long address, string path, string what) =>
        At(address, address < 0 ? 0 : Data.Length - BaseAddress - address, path, what);

    /// <summary>The one exception type every reading failure becomes.</summary>
    public ModelFileException Error(string path, string problem) => new(Name, path, problem);

    /// <summary>Fails unless the stored checksum after <paramref name="length"/> bytes at <paramref name="start"/> (absolute) matches.</summary>
    public void VerifyLookup3(long start, int length, string path, string what)
    {
        if (start < 0 || length < 0 || start + length + 4 > Data.Length)
        {
            throw Error(path, $"the {what} at offset {start} runs past the end of the file; the file is truncated");
        }

        uint stored = (uint)(Data[start + length] | (Data[start + length + 1] << 8) | (Data[start + length + 2] << 16) | (Data[start + length + 3] << 24));
        uint computed = H5Checksum.Lookup3(new ReadOnlySpan<byte>(Data, (int)start, length));
        if (stored != computed)
        {
            throw Error(path, $"the {what} at offset {start} fails its checksum (stored 0x{stored:x8}, computed 0x{computed:x8}); the file is corrupted");
        }
    }
}

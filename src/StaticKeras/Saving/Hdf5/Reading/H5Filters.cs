using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace StaticKeras.Saving.Hdf5;

/// <summary>
/// Undoes a chunk's filters in reverse order: Fletcher-32 (verified and stripped), shuffle, deflate
/// (zlib, with its Adler-32 verified). Every failure names the dataset and the filter.
/// </summary>
internal static class H5Filters
{
    public const int Deflate = 1;
    public const int Shuffle = 2;
    public const int Fletcher32 = 3;

    /// <summary>The chunk's data with every filter undone; a span of <paramref name="stored"/> itself when only checksums were applied.</summary>
    public static ReadOnlySpan<byte> Decode(H5Source source, string path, ReadOnlySpan<byte> stored, List<int> filters, uint mask, int elementSize, long expected)
    {
        ReadOnlySpan<byte> data = stored;
        for (int i = filters.Count - 1; i >= 0; i--)
        {
            if ((mask & (1u << i)) != 0)
            {
                continue; // this filter was skipped for this chunk when it was written
            }

            data = filters[i] switch
            {
                Fletcher32 => CheckFletcher(source, path, data),
                Shuffle => Unshuffle(data, elementSize),
                Deflate => Inflate(source, path, data, expected + (4L * CountBefore(filters, i, Fletcher32))),
                _ => throw source.Error(path, $"the dataset uses HDF5 filter {filters[i]}{(filters[i] == 32001 ? " (blosc)" : filters[i] == 32008 ? " (bitshuffle)" : filters[i] == 4 ? " (szip)" : string.Empty)}; this reader supports deflate (gzip), shuffle and fletcher32. Re-save it with compression='gzip' or none"),
            };
        }

        return data;
    }

    // A checksum filter applied before deflate when writing adds its 4 bytes to what deflate holds.
    private static int CountBefore(List<int> filters, int index, int id)
    {
        int n = 0;
        for (int i = 0; i < index; i++)
        {
            n += filters[i] == id ? 1 : 0;
        }

        return n;
    }

    private static ReadOnlySpan<byte> CheckFletcher(H5Source source, string path, ReadOnlySpan<byte> data)
    {
        if (data.Length < 4)
        {
            throw source.Error(path, $"a fletcher32-checked chunk holds {data.Length} bytes, too few for its checksum; the file is corrupted");
        }

        int n = data.Length - 4;
        uint stored = (uint)(data[n] | (data[n + 1] << 8) | (data[n + 2] << 16) | (data[n + 3] << 24));
        uint computed = H5Checksum.Fletcher32(data.Slice(0, n));

        // HDF5 before 1.6.3 stored the checksum with its bytes swapped in pairs; the library accepts both.
        uint reversed = ((computed & 0x00ff00ff) << 8) | ((computed >> 8) & 0x00ff00ff);
        if (stored != computed && stored != reversed)
        {
            throw source.Error(path, $"a data chunk fails its fletcher32 checksum (stored 0x{stored:x8}, computed 0x{computed:x8}); the weights are corrupted");
        }

        return data.Slice(0, n);
    }

    // Shuffle stores byte 0 of every element, then byte 1, ...; a trailing partial element is left as is.
    private static byte[] Unshuffle(ReadOnlySpan<byte> data, int elementSize)
    {
        if (elementSize <= 1)
        {
            return data.ToArray();
        }

        int count = data.Length / elementSize;
        var result = new byte[data.Length];
        for (int b = 0; b < elementSize; b++)
        {
            int from = b * count;
            for (int e = 0; e < count; e++)
            {
                result[(e * elementSize) + b] = data[from + e];
            }
        }

        data.Slice(count * elementSize).CopyTo(new Span<byte>(result, count * elementSize, data.Length - (count * elementSize)));
        return result;
    }

    private static byte[] Inflate(H5Source source, string path, ReadOnlySpan<byte> span, long expected)
    {
        byte[] data = span.ToArray();
        // zlib framing (RFC 1950): CMF/FLG header, raw deflate, big-endian Adler-32 of the output.
        if (data.Length < 6 || (data[0] & 0x0f) != 8 || ((data[0] << 8) | data[1]) % 31 != 0 || (data[1] & 0x20) != 0)
        {
            throw source.Error(path, "a deflated chunk does not start with a zlib header; the file is corrupted");
        }

        var output = new byte[expected];
        int total = 0;
        try
        {
            using var input = new MemoryStream(data, 2, data.Length - 6);
            using var inflater = new DeflateStream(input, CompressionMode.Decompress);
            int read;
            while (total < output.Length && (read = inflater.Read(output, total, output.Length - total)) > 0)
            {
                total += read;
            }

            // A chunk that inflates to more than its declared size is as wrong as one that inflates to less.
            if (inflater.ReadByte() >= 0)
            {
                total = -1;
            }
        }
        catch (InvalidDataException e)
        {
            throw new ModelFileException(source.Name, path, "a deflated chunk is not valid deflate data; the file is corrupted", e);
        }

        if (total != output.Length)
        {
            throw source.Error(path, $"a deflated chunk inflates to {(total < 0 ? "more than " + expected : total.ToString())} bytes but should give {expected}; the file is corrupted");
        }

        int end = data.Length - 4;
        uint stored = (uint)((data[end] << 24) | (data[end + 1] << 16) | (data[end + 2] << 8) | data[end + 3]);
        if (stored != H5Checksum.Adler32(output))
        {
            throw source.Error(path, "a deflated chunk fails its Adler-32 checksum; the file is corrupted");
        }

        return output;
    }
}

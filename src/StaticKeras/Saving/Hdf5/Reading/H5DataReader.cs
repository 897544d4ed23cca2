using System;
using System.Collections.Generic;

namespace StaticKeras.Saving.Hdf5;

/// <summary>
/// Reads a dataset's elements into one row-major byte array in the file's byte order: compact,
/// contiguous and chunked storage (v1 B-tree, single-chunk and implicit indexes), with filters.
/// </summary>
internal static class H5DataReader
{
    // Deflate cannot expand data more than about 1032:1; a larger declared size is a corrupted shape.
    private const long MaxExpansion = 1032;
    private const int MaxTreeDepth = 64;

    /// <summary>The dataset's size in bytes, checked against what the file can hold.</summary>
    public static long Size(H5Source source, string path, H5Type type, long[] dims, List<int> filters) =>
        ByteCount(source, path, type, dims, filters.Count == 0 ? 1 : MaxExpansion);

    /// <summary>Reads the dataset into <paramref name="output"/>, which holds exactly <see cref="Size"/> bytes.</summary>
    public static void Read(H5Source source, string path, H5Type type, long[] dims, H5Layout layout, List<int> filters, Span<byte> output, int unlimitedDim = 0)
    {
        long bytes = output.Length;
        switch (layout.Kind)
        {
            case H5StorageKind.Compact:
                Expect(source, path, "compact data", layout.Size, bytes);
                new ReadOnlySpan<byte>(source.Data, (int)layout.Address, (int)bytes).CopyTo(output);
                return;
            case H5StorageKind.Contiguous:
                if (layout.Address == H5Cursor.Undefined)
                {
                    output.Clear(); // never written: HDF5 reads the default fill value, zeros
                    return;
                }

                if (layout.Size >= 0)
                {
                    Expect(source, path, "contiguous data", layout.Size, bytes);
                }

                source.At(layout.Address, bytes, path, "contiguous data").Bytes(bytes).CopyTo(output);
                return;
            default:
                ReadChunked(source, path, type, dims, layout, filters, output, unlimitedDim);
                return;
        }
    }

    private static void ReadChunked(H5Source source, string path, H5Type type, long[] dims, H5Layout layout, List<int> filters, Span<byte> output, int unlimitedDim)
    {
        long[] chunk = layout.ChunkDims;
        if (chunk.Length != dims.Length || dims.Length == 0)
        {
            throw source.Error(path, $"the chunks have rank {chunk.Length} but the dataset has rank {dims.Length}; the file is corrupted");
        }

        long chunkBytes = ByteCount(source, path, type, chunk, long.MaxValue);
        bool covered = layout.Kind == H5StorageKind.ChunkedSingle && layout.Address != H5Cursor.Undefined && Covers(chunk, dims);
        if (!covered)
        {
            output.Clear(); // chunks never written read as the default fill value, zeros
        }

        if (layout.Address == H5Cursor.Undefined)
        {
            return;
        }

        switch (layout.Kind)
        {
            case H5StorageKind.ChunkedSingle:
                if (!covered)
                {
                    throw source.Error(path, $"a single-chunk index whose chunk ({string.Join(", ", chunk)}) does not cover the dataset ({string.Join(", ", dims)}); the file is corrupted");
                }

                long stored = layout.Size >= 0 ? layout.Size : chunkBytes;
                CopyChunk(output, dims, Chunk(source, path, layout.Address, stored, filters, layout.FilterMask, type.Size, chunkBytes), chunk, new long[dims.Length], type.Size);
                break;
            case H5StorageKind.ChunkedImplicit:
                ReadImplicit(source, path, output, dims, layout, type.Size, chunkBytes);
                break;
            case H5StorageKind.ChunkedExtensibleArray:
                foreach ((long index, long address, long size, uint mask) in H5ExtensibleArray.Entries(source, path, layout.Address, filters.Count > 0, chunkBytes))
                {
                    CopyChunk(output, dims, Chunk(source, path, address, size, filters, mask, type.Size, chunkBytes), chunk, UnlimitedFirst(source, path, index, dims, chunk, unlimitedDim), type.Size);
                }

                break;
            case H5StorageKind.ChunkedBTree2:
                foreach ((long[] offsets, long address, long size, uint mask) in BTree2Chunks(source, path, dims, layout, filters.Count > 0, chunkBytes))
                {
                    CopyChunk(output, dims, Chunk(source, path, address, size, filters, mask, type.Size, chunkBytes), chunk, offsets, type.Size);
                }

                break;
            case H5StorageKind.ChunkedFixedArray:
                foreach ((long[] offsets, long address, long size, uint mask) in H5FixedArray.Chunks(source, path, dims, layout.ChunkDims, layout.Address, filters.Count > 0, chunkBytes))
                {
                    CopyChunk(output, dims, Chunk(source, path, address, size, filters, mask, type.Size, chunkBytes), chunk, offsets, type.Size);
                }

                break;
            default:
                ReadBTree(source, path, output, dims, layout, filters, type.Size, chunkBytes, layout.Address, MaxTreeDepth);
                break;
        }

    }

    private static void ReadImplicit(H5Source source, string path, Span<byte> output, long[] dims, H5Layout layout, int elementSize, long chunkBytes)
    {
        long[] chunk = layout.ChunkDims;
        var grid = new long[dims.Length];
        long chunks = 1;
        for (int i = 0; i < dims.Length; i++)
        {
            grid[i] = (dims[i] + chunk[i] - 1) / chunk[i];
            chunks *= grid[i];
        }

        var offsets = new long[dims.Length];
        for (long n = 0; n < chunks; n++)
        {
            long rest = n;
            for (int i = dims.Length - 1; i >= 0; i--)
            {
                offsets[i] = rest % grid[i] * chunk[i];
                rest /= grid[i];
            }

            CopyChunk(output, dims, source.At(layout.Address + (n * chunkBytes), chunkBytes, path, "chunk").Bytes(chunkBytes), chunk, offsets, elementSize);
        }
    }

    // Version 1 B-tree of type 1 (spec III.A.1): keys hold each chunk's stored size, filter mask and offsets.
    private static void ReadBTree(H5Source source, string path, Span<byte> output, long[] dims, H5Layout layout, List<int> filters, int elementSize, long chunkBytes, long address, int depth)
    {
        if (depth == 0)
        {
            throw source.Error(path, "the chunk B-tree is deeper than any real file's; the file is corrupted");
        }

        var c = source.At(address, path, "chunk B-tree node");
        c.Signature("TREE");
        if (c.U8() != 1)
        {
            throw c.Fail("a B-tree node that does not index chunks");
        }

        int level = c.U8();
        int entries = c.U16();
        c.Address();
        c.Address();
        int rank = dims.Length;
        var offsets = new long[rank];
        for (int e = 0; e < entries; e++)
        {
            long size = c.U32();
            uint mask = c.U32();
            for (int i = 0; i <= rank; i++)
            {
                long v = (long)c.U64();
                if (i < rank)
                {
                    offsets[i] = v;
                }
            }

            long child = c.Address();
            if (level > 0)
            {
                ReadBTree(source, path, output, dims, layout, filters, elementSize, chunkBytes, child, depth - 1);
                continue;
            }

            for (int i = 0; i < rank; i++)
            {
                if (offsets[i] < 0 || offsets[i] >= dims[i] || offsets[i] % layout.ChunkDims[i] != 0)
                {
                    throw source.Error(path, $"a chunk at offset {offsets[i]} in dimension {i} does not fit the dataset of {dims[i]} with chunks of {layout.ChunkDims[i]}; the file is corrupted");
                }
            }

            CopyChunk(output, dims, Chunk(source, path, child, size, filters, mask, elementSize, chunkBytes), layout.ChunkDims, offsets, elementSize);
        }
    }

    private static bool Covers(long[] chunk, long[] dims)
    {
        for (int i = 0; i < dims.Length; i++)
        {
            if (chunk[i] < dims[i])
            {
                return false;
            }
        }

        return true;
    }

    // The extensible array numbers chunks row-major with the unlimited dimension moved first (HDF5's "swizzle").
    private static long[] UnlimitedFirst(H5Source source, string path, long index, long[] dims, long[] chunk, int unlimited)
    {
        int rank = dims.Length;
        var offsets = new long[rank];
        long rest = index;
        for (int i = rank - 1; i >= 0; i--)
        {
            if (i == unlimited)
            {
                continue;
            }

            long grid = (dims[i] + chunk[i] - 1) / chunk[i];
            offsets[i] = rest % grid * chunk[i];
            rest /= grid;
        }

        offsets[unlimited] = rest * chunk[unlimited];
        if (offsets[unlimited] >= dims[unlimited])
        {
            throw source.Error(path, $"the chunk index lists chunk {index}, past the dataset's extent; the file is corrupted");
        }

        return offsets;
    }

    // Records of type 10 (address, scaled offsets) or 11 (address, stored size, filter mask, scaled offsets).
    private static List<(long[], long, long, uint)> BTree2Chunks(H5Source source, string path, long[] dims, H5Layout layout, bool filtered, long chunkBytes)
    {
        var result = new List<(long[], long, long, uint)>();
        int rank = dims.Length;
        foreach (byte[] record in H5BTree2.Records(source, path, layout.Address, filtered ? 11 : 10))
        {
            var r = new H5Source(record, source.Name) { OffsetSize = source.OffsetSize, LengthSize = source.LengthSize }.At(0, path, "chunk record");
            long address = r.Address();
            int sizeBytes = record.Length - source.OffsetSize - (8 * rank) - 4;
            long size = filtered ? (long)r.UVar(sizeBytes) : chunkBytes;
            uint mask = filtered ? r.U32() : 0;
            var offsets = new long[rank];
            for (int i = 0; i < rank; i++)
            {
                ulong scaled = r.U64();
                offsets[i] = scaled < (ulong)((dims[i] + layout.ChunkDims[i] - 1) / layout.ChunkDims[i]) ? (long)scaled * layout.ChunkDims[i] : throw source.Error(path, $"a chunk record names chunk {scaled} in dimension {i}, past the dataset's {dims[i]}; the file is corrupted");
            }

            result.Add((offsets, address, size, mask));
        }

        return result;
    }

    private static ReadOnlySpan<byte> Chunk(H5Source source, string path, long address, long stored, List<int> filters, uint mask, int elementSize, long chunkBytes)
    {
        ReadOnlySpan<byte> raw = source.At(address, stored, path, "data chunk").Bytes(stored);
        ReadOnlySpan<byte> data = filters.Count == 0 ? raw : H5Filters.Decode(source, path, raw, filters, mask, elementSize, chunkBytes);
        Expect(source, path, "data chunk", data.Length, chunkBytes);
        return data;
    }

    // Copies a chunk's rows into the dataset, clipping the parts of edge chunks beyond the dataset.
    private static void CopyChunk(Span<byte> output, long[] dims, ReadOnlySpan<byte> chunk, long[] chunkDims, long[] offsets, int elementSize)
    {
        int rank = dims.Length;
        long rowLength = Math.Min(chunkDims[rank - 1], dims[rank - 1] - offsets[rank - 1]);
        long rows = 1;
        for (int i = 0; i < rank - 1; i++)
        {
            rows *= chunkDims[i];
        }

        var index = new long[rank];
        for (long row = 0; row < rows; row++)
        {
            long rest = row;
            bool inside = true;
            long target = 0;
            for (int i = rank - 2; i >= 0; i--)
            {
                index[i] = rest % chunkDims[i];
                rest /= chunkDims[i];
                inside &= offsets[i] + index[i] < dims[i];
            }

            if (!inside)
            {
                continue;
            }

            for (int i = 0; i < rank - 1; i++)
            {
                target = (target * dims[i]) + offsets[i] + index[i];
            }

            target = (target * dims[rank - 1]) + offsets[rank - 1];
            chunk.Slice((int)(row * chunkDims[rank - 1] * elementSize), (int)(rowLength * elementSize)).CopyTo(output.Slice((int)(target * elementSize)));
        }
    }

    private static long ByteCount(H5Source source, string path, H5Type type, long[] dims, long expansion)
    {
        long count = 1;
        foreach (long d in dims)
        {
            if (d < 0 || (d != 0 && count > int.MaxValue / d))
            {
                throw source.Error(path, $"the shape ({string.Join(", ", dims)}) is too large for one .NET array; the file is corrupted or holds a weight of more than 2 GB");
            }

            count *= d;
        }

        long bytes = count * type.Size;
        long limit = expansion == long.MaxValue ? int.MaxValue : Math.Min(int.MaxValue, source.Data.Length * expansion);
        if (bytes > limit)
        {
            throw source.Error(path, $"the dataset declares shape ({string.Join(", ", dims)}) of {type} = {bytes} bytes, more than the file of {source.Data.Length} bytes can hold; the file is corrupted");
        }

        return bytes;
    }

    private static void Expect(H5Source source, string path, string what, long actual, long expected)
    {
        if (actual != expected)
        {
            throw source.Error(path, $"the {what} holds {actual} bytes but the shape and dtype need {expected}; the file is corrupted");
        }
    }
}

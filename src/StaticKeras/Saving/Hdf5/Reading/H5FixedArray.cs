using System.Collections.Generic;

namespace StaticKeras.Saving.Hdf5;

/// <summary>
/// The fixed array chunk index (spec III.G, <c>FAHD</c> header and <c>FADB</c> data block, both
/// checksummed): one entry per chunk in row-major chunk order, holding the chunk's address and, for
/// filtered datasets, its stored size and filter mask.
/// </summary>
internal static class H5FixedArray
{
    public static IEnumerable<(long[] Offsets, long Address, long Size, uint Mask)> Chunks(H5Source source, string path, long[] dims, long[] chunk, long headerAddress, bool filtered, long chunkBytes)
    {
        var h = source.At(headerAddress, path, "fixed array header");
        h.Signature("FAHD");
        if (h.U8() != 0)
        {
            throw h.Fail("a fixed array version other than 0");
        }

        int client = h.U8();
        int entrySize = h.U8();
        int pageBits = h.U8();
        long entries = h.Length();
        long blockAddress = h.Address();
        source.VerifyLookup3(source.BaseAddress + headerAddress, (int)(h.Position - source.BaseAddress - headerAddress), path, "fixed array header");
        long expected = ChunkCount(dims, chunk, out long[] grid);
        if (entries != expected || client != (filtered ? 1 : 0) || (pageBits < 32 && entries > (1L << pageBits)))
        {
            throw h.Fail($"{entries} entries for {expected} chunks{(pageBits < 32 && entries > (1L << pageBits) ? " in pages (more than 2^" + pageBits + " chunks; paged fixed arrays are not supported)" : string.Empty)}");
        }

        int sizeBytes = entrySize - source.OffsetSize - 4;
        if (filtered && (sizeBytes < 1 || sizeBytes > 8))
        {
            throw h.Fail($"an entry size of {entrySize} bytes");
        }

        var b = source.At(blockAddress, path, "fixed array data block");
        long blockStart = b.Position;
        b.Signature("FADB");
        b.U8();
        b.U8();
        b.Address();
        var result = new List<(long[], long, long, uint)>();
        for (long n = 0; n < entries; n++)
        {
            long address = b.Address();
            long size = filtered ? (long)b.UVar(sizeBytes) : chunkBytes;
            uint mask = filtered ? b.U32() : 0;
            if (address != H5Cursor.Undefined)
            {
                result.Add((Offsets(n, grid, chunk), address, size, mask));
            }
        }

        source.VerifyLookup3(blockStart, (int)(b.Position - blockStart), path, "fixed array data block");
        return result;
    }

    private static long ChunkCount(long[] dims, long[] chunk, out long[] grid)
    {
        grid = new long[dims.Length];
        long count = 1;
        for (int i = 0; i < dims.Length; i++)
        {
            grid[i] = (dims[i] + chunk[i] - 1) / chunk[i];
            count *= grid[i];
        }

        return count;
    }

    private static long[] Offsets(long n, long[] grid, long[] chunk)
    {
        var offsets = new long[grid.Length];
        for (int i = grid.Length - 1; i >= 0; i--)
        {
            offsets[i] = n % grid[i] * chunk[i];
            n /= grid[i];
        }

        return offsets;
    }
}

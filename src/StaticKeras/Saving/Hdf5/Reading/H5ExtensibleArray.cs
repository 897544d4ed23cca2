using System.Collections.Generic;

namespace StaticKeras.Saving.Hdf5;

/// <summary>
/// The extensible array chunk index (spec III.H: <c>EAHD</c> header, <c>EAIB</c> index block, <c>EASB</c>
/// super blocks, <c>EADB</c> data blocks, all checksummed), h5py's choice with libver='latest' for
/// datasets with one unlimited dimension. Entry i is the chunk at linear index i of the chunk grid.
/// </summary>
/// <remarks>Block geometry follows HDF5's H5EA__hdr_init and H5EA__iblock_alloc; paged data blocks (more than 2^page bits entries in one block) are refused.</remarks>
internal static class H5ExtensibleArray
{
    public static List<(long Index, long Address, long Size, uint Mask)> Entries(H5Source source, string path, long headerAddress, bool filtered, long chunkBytes)
    {
        var h = source.At(headerAddress, path, "extensible array header");
        long start = h.Position;
        h.Signature("EAHD");
        h.Skip(2); // version, client id
        var a = new Geometry
        {
            ElementSize = h.U8(),
            MaxBits = h.U8(),
            IndexElements = h.U8(),
            DataMin = h.U8(),
            SuperMinPointers = h.U8(),
            PageBits = h.U8(),
        };
        h.Skip(4L * source.LengthSize);
        long maxIndex = h.Length();
        h.Length();
        long indexBlock = h.Address();
        source.VerifyLookup3(start, (int)(h.Position - start), path, "extensible array header");
        if (a.MaxBits < 1 || a.MaxBits > 64 || a.DataMin < 1 || a.SuperMinPointers < 1 || (a.DataMin & (a.DataMin - 1)) != 0 || (a.SuperMinPointers & (a.SuperMinPointers - 1)) != 0 || maxIndex > (1L << 40))
        {
            throw h.Fail("an impossible extensible array geometry");
        }

        if (filtered && (a.ElementSize - source.OffsetSize - 4 < 1 || a.ElementSize - source.OffsetSize - 4 > 8))
        {
            throw h.Fail($"an entry size of {a.ElementSize} bytes for filtered chunks");
        }

        var reader = new EntryReader(source, path, a, filtered, chunkBytes);
        var entries = new List<(long, long, long, uint)>();
        if (indexBlock != H5Cursor.Undefined)
        {
            reader.ReadIndexBlock(indexBlock, maxIndex, entries);
        }

        return entries;
    }

    private sealed class Geometry
    {
        public int ElementSize { get; set; }

        public int MaxBits { get; set; }

        public int IndexElements { get; set; }

        public int DataMin { get; set; }

        public int SuperMinPointers { get; set; }

        public int PageBits { get; set; }

        public int OffsetBytes => (MaxBits + 7) / 8;

        public int SuperBlocks => 1 + MaxBits - Log2(DataMin);

        /// <summary>Super blocks whose data block addresses sit in the index block itself.</summary>
        public int IndexSuperBlocks => 2 * Log2(SuperMinPointers);

        public static int Log2(long v)
        {
            int n = 0;
            while (v > 1)
            {
                v >>= 1;
                n++;
            }

            return n;
        }

        public long DataBlocksOf(int superBlock) => 1L << (superBlock / 2);

        public long ElementsPerDataBlock(int superBlock) => (1L << ((superBlock + 1) / 2)) * DataMin;
    }

    private sealed class EntryReader(H5Source source, string path, Geometry a, bool filtered, long chunkBytes)
    {
        public void ReadIndexBlock(long address, long maxIndex, List<(long, long, long, uint)> entries)
        {
            var c = source.At(address, path, "extensible array index block");
            long start = c.Position;
            c.Signature("EAIB");
            c.Skip(2);
            c.Address();
            for (int i = 0; i < a.IndexElements; i++)
            {
                Element(ref c, i, maxIndex, entries);
            }

            var dataBlocks = new List<long>();
            for (long i = 0; i < 2 * (a.SuperMinPointers - 1); i++)
            {
                dataBlocks.Add(c.Address());
            }

            var superBlocks = new List<long>();
            for (int i = a.IndexSuperBlocks; i < a.SuperBlocks; i++)
            {
                superBlocks.Add(c.Address());
            }

            source.VerifyLookup3(start, (int)(c.Position - start), path, "extensible array index block");
            long index = a.IndexElements, block = 0;
            for (int s = 0; s < a.SuperBlocks && index < maxIndex; s++)
            {
                if (s < a.IndexSuperBlocks)
                {
                    for (long d = 0; d < a.DataBlocksOf(s) && index < maxIndex; d++, index += a.ElementsPerDataBlock(s))
                    {
                        ReadDataBlock(dataBlocks[(int)block++], s, index, maxIndex, entries);
                    }
                }
                else
                {
                    index = ReadSuperBlock(superBlocks[s - a.IndexSuperBlocks], s, index, maxIndex, entries);
                }
            }
        }

        private long ReadSuperBlock(long address, int s, long index, long maxIndex, List<(long, long, long, uint)> entries)
        {
            if (address == H5Cursor.Undefined)
            {
                return index + (a.DataBlocksOf(s) * a.ElementsPerDataBlock(s));
            }

            var c = source.At(address, path, "extensible array super block");
            long start = c.Position;
            c.Signature("EASB");
            c.Skip(2);
            c.Address();
            c.UVar(a.OffsetBytes);
            CheckUnpaged(a.ElementsPerDataBlock(s));
            var blocks = new List<long>();
            for (long d = 0; d < a.DataBlocksOf(s); d++)
            {
                blocks.Add(c.Address());
            }

            source.VerifyLookup3(start, (int)(c.Position - start), path, "extensible array super block");
            foreach (long block in blocks)
            {
                if (index < maxIndex)
                {
                    ReadDataBlock(block, s, index, maxIndex, entries);
                }

                index += a.ElementsPerDataBlock(s);
            }

            return index;
        }

        private void ReadDataBlock(long address, int s, long index, long maxIndex, List<(long, long, long, uint)> entries)
        {
            if (address == H5Cursor.Undefined)
            {
                return;
            }

            long count = a.ElementsPerDataBlock(s);
            CheckUnpaged(count);
            var c = source.At(address, path, "extensible array data block");
            long start = c.Position;
            c.Signature("EADB");
            c.Skip(2);
            c.Address();
            c.UVar(a.OffsetBytes);
            for (long i = 0; i < count; i++)
            {
                Element(ref c, index + i, maxIndex, entries);
            }

            source.VerifyLookup3(start, (int)(c.Position - start), path, "extensible array data block");
        }

        private void Element(ref H5Cursor c, long index, long maxIndex, List<(long, long, long, uint)> entries)
        {
            long address = c.Address();
            long size = filtered ? (long)c.UVar(a.ElementSize - source.OffsetSize - 4) : chunkBytes;
            uint mask = filtered ? c.U32() : 0;
            if (address != H5Cursor.Undefined && index < maxIndex)
            {
                entries.Add((index, address, size, mask));
            }
        }

        private void CheckUnpaged(long elements)
        {
            if (a.PageBits < 63 && elements > (1L << a.PageBits))
            {
                throw source.Error(path, $"the extensible array chunk index has a paged data block ({elements} entries, pages of {1L << a.PageBits}); this reader does not support paged blocks, which only datasets of thousands of chunks along their unlimited dimension use");
            }
        }
    }
}

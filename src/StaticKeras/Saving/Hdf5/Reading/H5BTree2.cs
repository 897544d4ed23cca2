using System.Collections.Generic;

namespace StaticKeras.Saving.Hdf5;

/// <summary>
/// Lists every record of a version 2 B-tree (spec III.A.2: <c>BTHD</c> header, <c>BTIN</c> internal and
/// <c>BTLF</c> leaf nodes, all checksummed), in key order. Record layouts are the caller's business.
/// </summary>
internal static class H5BTree2
{
    private const int Prefix = 10; // signature, version, type and checksum of a node

    public static List<byte[]> Records(H5Source source, string path, long address, int expectedType)
    {
        var c = source.At(address, path, "v2 B-tree header");
        long start = c.Position;
        c.Signature("BTHD");
        c.U8();
        int type = c.U8();
        long nodeSize = c.U32();
        int recordSize = c.U16();
        int depth = c.U16();
        c.Skip(2);
        long root = c.Address();
        int rootRecords = c.U16();
        c.Length();
        source.VerifyLookup3(start, (int)(c.Position - start), path, "v2 B-tree header");
        if (type != expectedType || recordSize < 1 || nodeSize <= Prefix + recordSize || depth > 16)
        {
            throw source.Error(path, $"the v2 B-tree at address {address} has type {type}, record size {recordSize}, depth {depth} (expected type {expectedType}); the file is corrupted");
        }

        var widths = CountWidths(source, nodeSize, recordSize, depth);
        var records = new List<byte[]>();
        if (root != H5Cursor.Undefined)
        {
            ReadNode(source, path, root, depth, rootRecords, recordSize, widths, records);
        }

        return records;
    }

    // Bytes of the "number of records" fields per depth, as HDF5 derives them (H5B2__hdr_init).
    private static (int Leaf, int[] Total) CountWidths(H5Source source, long nodeSize, int recordSize, int depth)
    {
        long maxLeaf = (nodeSize - Prefix) / recordSize;
        int leafWidth = EncodedSize(maxLeaf);
        var total = new int[depth + 1];
        long cumulative = maxLeaf;
        for (int d = 1; d <= depth; d++)
        {
            int pointer = source.OffsetSize + leafWidth + (d > 1 ? total[d - 1] : 0);
            long max = (nodeSize - Prefix) / (recordSize + pointer);
            cumulative = ((max + 1) * cumulative) + max;
            total[d] = EncodedSize(cumulative);
        }

        return (leafWidth, total);
    }

    private static void ReadNode(H5Source source, string path, long address, int depth, int count, int recordSize, (int Leaf, int[] Total) widths, List<byte[]> records)
    {
        var c = source.At(address, path, "v2 B-tree node");
        long start = c.Position;
        c.Signature(depth == 0 ? "BTLF" : "BTIN");
        c.Skip(2);
        var own = new List<byte[]>(count);
        for (int i = 0; i < count; i++)
        {
            own.Add(c.Bytes(recordSize).ToArray());
        }

        var children = new List<(long Address, int Count)>();
        if (depth > 0)
        {
            for (int i = 0; i <= count; i++)
            {
                long child = c.Address();
                int n = (int)c.UVar(widths.Leaf);
                if (depth > 1)
                {
                    c.UVar(widths.Total[depth - 1]);
                }

                children.Add((child, n));
            }
        }

        source.VerifyLookup3(start, (int)(c.Position - start), path, "v2 B-tree node");
        for (int i = 0; i <= count; i++)
        {
            if (depth > 0)
            {
                ReadNode(source, path, children[i].Address, depth - 1, children[i].Count, recordSize, widths, records);
            }

            if (i < count)
            {
                records.Add(own[i]);
            }
        }
    }

    private static int EncodedSize(long v)
    {
        int bits = 0;
        while (v > 1)
        {
            v >>= 1;
            bits++;
        }

        return (bits / 8) + 1;
    }
}

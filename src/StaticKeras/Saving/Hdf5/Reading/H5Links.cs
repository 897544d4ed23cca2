using System.Collections.Generic;
using System.Text;

namespace StaticKeras.Saving.Hdf5;

/// <summary>
/// A group's members: old-style groups (symbol table message, v1 B-tree of type 0, <c>SNOD</c> nodes
/// and a local heap of names; spec III.A.1, III.B, III.D) and new-style groups with link messages in
/// the header (spec IV.A.2.g). Soft and external links are refused, as Keras 3 refuses them.
/// </summary>
internal static class H5Links
{
    private const int MaxTreeDepth = 64;

    public static List<KeyValuePair<string, long>> Read(H5Source source, string path, List<H5Message> messages)
    {
        var links = new List<KeyValuePair<string, long>>();
        foreach (H5Message m in messages)
        {
            var c = new H5Cursor(source, m.Start, m.Start + m.Length, path, "group message");
            if (m.Type == H5Messages.SymbolTable)
            {
                long tree = c.Address();
                long heap = c.Address();
                ReadSymbolTable(source, path, tree, LocalHeap(source, path, heap), links, MaxTreeDepth);
            }
            else if (m.Type == H5Messages.Link)
            {
                ReadLink(ref c, links);
            }
            else if (m.Type == H5Messages.LinkInfo)
            {
                ReadDense(source, ref c, links);
            }
        }

        return links;
    }

    private static void ReadLink(ref H5Cursor c, List<KeyValuePair<string, long>> links)
    {
        byte version = c.U8();
        if (version != 1)
        {
            throw c.Fail($"link message version {version} (expected 1)");
        }

        byte flags = c.U8();
        int type = (flags & 0x08) != 0 ? c.U8() : 0;
        if ((flags & 0x04) != 0)
        {
            c.U64(); // creation order
        }

        if ((flags & 0x10) != 0)
        {
            c.U8(); // name character set
        }

        long nameLength = (long)c.UVar(1 << (flags & 3));
        string name = Utf8(c.Bytes(nameLength));
        if (type != 0)
        {
            throw c.Source.Error(c.Path + "/" + name, $"is a {(type == 1 ? "soft" : type == 64 ? "external" : "user-defined")} link; Keras files hold hard links only, and following other links is not allowed (Keras 3 refuses them too)");
        }

        links.Add(new KeyValuePair<string, long>(name, c.Address()));
    }

    // Dense storage (libver='latest', more than 8 links): link messages in a fractal heap, indexed by name in a v2 B-tree of type 5.
    private static void ReadDense(H5Source source, ref H5Cursor c, List<KeyValuePair<string, long>> links)
    {
        c.U8();
        byte flags = c.U8();
        if ((flags & 1) != 0)
        {
            c.U64(); // maximum creation index
        }

        long heapAddress = c.Address();
        long nameIndex = c.Address();
        if (heapAddress == H5Cursor.Undefined)
        {
            return; // compact: the links are messages in the header
        }

        var heap = new H5FractalHeap(source, c.Path, heapAddress);
        foreach (byte[] record in H5BTree2.Records(source, c.Path, nameIndex, 5))
        {
            if (record.Length < 4 + heap.IdLength)
            {
                throw c.Fail($"a link name record of {record.Length} bytes");
            }

            H5Cursor link = heap.Object(new System.ReadOnlySpan<byte>(record, 4, heap.IdLength));
            ReadLink(ref link, links);
        }
    }

    private static (long Start, long Size) LocalHeap(H5Source source, string path, long address)
    {
        var c = source.At(address, path, "local heap");
        c.Signature("HEAP");
        if (c.U8() != 0)
        {
            throw c.Fail("a local heap version other than 0");
        }

        c.Skip(3);
        long size = c.Length();
        c.Length(); // free list head
        long data = c.Address();
        source.At(data, size, path, "local heap data");
        return (data, size);
    }

    private static void ReadSymbolTable(H5Source source, string path, long address, (long Start, long Size) heap, List<KeyValuePair<string, long>> links, int depth)
    {
        if (depth == 0)
        {
            throw source.Error(path, "the group B-tree is deeper than any real file's; the file is corrupted");
        }

        var c = source.At(address, path, "group B-tree node");
        c.Signature("TREE");
        if (c.U8() != 0)
        {
            throw c.Fail("a B-tree node that does not index group members");
        }

        int level = c.U8();
        int entries = c.U16();
        c.Address();
        c.Address();
        for (int e = 0; e < entries; e++)
        {
            c.Length(); // key: the heap offset of the largest name to the left
            long child = c.Address();
            if (level > 0)
            {
                ReadSymbolTable(source, path, child, heap, links, depth - 1);
            }
            else
            {
                ReadSymbolNode(source, path, child, heap, links);
            }
        }
    }

    private static void ReadSymbolNode(H5Source source, string path, long address, (long Start, long Size) heap, List<KeyValuePair<string, long>> links)
    {
        var c = source.At(address, path, "symbol table node");
        c.Signature("SNOD");
        if (c.U8() != 1)
        {
            throw c.Fail("a symbol table node version other than 1");
        }

        c.Skip(1);
        int count = c.U16();
        for (int i = 0; i < count; i++)
        {
            long nameOffset = c.Length();
            long header = c.Address();
            int cacheType = (int)c.U32();
            c.Skip(4 + 16);
            if (nameOffset >= heap.Size)
            {
                throw c.Fail($"a member name at heap offset {nameOffset}, past the heap's {heap.Size} bytes");
            }

            var name = source.At(heap.Start + nameOffset, heap.Size - nameOffset, path, "local heap name");
            string text = name.NullTerminated(heap.Size - nameOffset);
            if (cacheType == 2)
            {
                throw source.Error(path + "/" + text, "is a soft link; Keras files hold hard links only, and following other links is not allowed");
            }

            links.Add(new KeyValuePair<string, long>(text, header));
        }
    }

    private static string Utf8(System.ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes.ToArray());
}

using System.Collections.Generic;

namespace StaticKeras.Saving.Hdf5;

/// <summary>One header message: its type, flags and where its body lies in the file.</summary>
internal readonly struct H5Message
{
    public H5Message(int type, byte flags, long start, int length)
    {
        Type = type;
        Flags = flags;
        Start = start;
        Length = length;
    }

    public int Type { get; }

    public byte Flags { get; }

    /// <summary>Absolute offset of the message body.</summary>
    public long Start { get; }

    public int Length { get; }
}

/// <summary>
/// Reads an object header (spec IV.A): version 1 (8-byte aligned messages, what h5py writes by
/// default) and version 2 (<c>OHDR</c>, checksummed), following continuation blocks. Returns the
/// messages in file order.
/// </summary>
internal static class H5ObjectHeader
{
    public const int Continuation = 0x10;

    // A corrupted continuation chain could loop or fan out; real headers have a handful of blocks.
    private const int MaxBlocks = 4096;

    public static List<H5Message> Read(H5Source source, long address, string path)
    {
        var messages = new List<H5Message>();
        var c = source.At(address, path, "object header");
        if (c.Remaining >= 4 && source.Data[c.Position] == (byte)'O')
        {
            ReadV2(source, address, path, messages);
        }
        else
        {
            ReadV1(source, ref c, path, messages);
        }

        return messages;
    }

    private static void ReadV1(H5Source source, ref H5Cursor c, string path, List<H5Message> messages)
    {
        byte version = c.U8();
        if (version != 1)
        {
            throw c.Fail($"object header version {version} (expected 1, or the 'OHDR' signature of version 2)");
        }

        c.Skip(1);
        int count = c.U16();
        c.U32(); // reference count
        long size = c.U32();
        c.Skip(4); // aligns the first message to 8 bytes
        var blocks = new Queue<(long Start, long Length)>();
        blocks.Enqueue((c.Position - source.BaseAddress, size));
        int visited = 0;
        while (blocks.Count > 0)
        {
            (long start, long length) = blocks.Dequeue();
            if (++visited > MaxBlocks)
            {
                throw source.Error(path, "the object header's continuation blocks form a loop; the file is corrupted");
            }

            var block = source.At(start, length, path, "object header block");
            while (block.Remaining >= 8)
            {
                int type = block.U16();
                int bodySize = block.U16();
                byte flags = block.U8();
                block.Skip(3);
                long body = block.Position;
                block.Skip(bodySize);
                Add(source, path, messages, blocks, type, flags, body, bodySize);
            }
        }

        if (messages.Count > count)
        {
            throw source.Error(path, $"the object header holds {messages.Count} messages but declares {count}; the file is corrupted");
        }
    }

    private static void ReadV2(H5Source source, long address, string path, List<H5Message> messages)
    {
        var c = source.At(address, path, "object header");
        c.Signature("OHDR");
        byte version = c.U8();
        if (version != 2)
        {
            throw c.Fail($"object header version {version} (expected 2)");
        }

        byte flags = c.U8();
        if ((flags & 0x20) != 0)
        {
            c.Skip(16); // access, modification, change and birth times
        }

        if ((flags & 0x10) != 0)
        {
            c.Skip(4); // attribute storage phase change values
        }

        long size = (long)c.UVar(1 << (flags & 3));
        bool creationOrder = (flags & 0x04) != 0;
        long checkedLength = c.Position - source.BaseAddress - address + size;
        source.VerifyLookup3(source.BaseAddress + address, Checked(source, path, checkedLength), path, "object header");
        var blocks = new Queue<(long Start, long Length)>();
        ReadV2Messages(source, path, c.Position - source.BaseAddress, size, creationOrder, messages, blocks);
        int visited = 0;
        while (blocks.Count > 0)
        {
            (long start, long length) = blocks.Dequeue();
            if (++visited > MaxBlocks || length < 8)
            {
                throw source.Error(path, "the object header's continuation blocks are malformed or form a loop; the file is corrupted");
            }

            var block = source.At(start, length, path, "object header continuation block");
            block.Signature("OCHK");
            source.VerifyLookup3(source.BaseAddress + start, (int)(length - 4), path, "object header continuation block");
            ReadV2Messages(source, path, start + 4, length - 8, creationOrder, messages, blocks);
        }
    }

    private static void ReadV2Messages(H5Source source, string path, long start, long length, bool creationOrder, List<H5Message> messages, Queue<(long, long)> blocks)
    {
        var block = source.At(start, length, path, "object header messages");
        int headerSize = creationOrder ? 6 : 4;

        // Fewer bytes than a message header at the end are a gap (spec IV.A.1.b), not a message.
        while (block.Remaining >= headerSize)
        {
            int type = block.U8();
            int bodySize = block.U16();
            byte flags = block.U8();
            if (creationOrder)
            {
                block.U16();
            }

            long body = block.Position;
            block.Skip(bodySize);
            Add(source, path, messages, blocks, type, flags, body, bodySize);
        }
    }

    private static void Add(H5Source source, string path, List<H5Message> messages, Queue<(long, long)> blocks, int type, byte flags, long body, int size)
    {
        if (type == Continuation)
        {
            var c = new H5Cursor(source, body, body + size, path, "continuation message");
            long at = c.Address();
            long length = c.Length();
            blocks.Enqueue((at, length));
            return;
        }

        if ((flags & 0x02) != 0 && type != 0)
        {
            throw source.Error(path, $"header message type {type} is shared (stored elsewhere in the file); this reader supports unshared messages only, which is what h5py and Keras write");
        }

        messages.Add(new H5Message(type, flags, body, size));
    }

    private static int Checked(H5Source source, string path, long length)
    {
        if (length < 0 || length > int.MaxValue - 8)
        {
            throw source.Error(path, $"the object header declares {length} bytes; the file is corrupted");
        }

        return (int)length;
    }
}

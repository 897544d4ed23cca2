using System;
using System.Collections.Generic;

namespace StaticKeras.Saving.Hdf5;

/// <summary>
/// Reads objects out of a fractal heap (spec III.G, <c>FRHP</c>/<c>FHIB</c>/<c>FHDB</c>), where HDF5 keeps
/// dense link and attribute storage. Heap IDs name managed objects (offset and length in the heap's
/// address space), tiny objects (held in the ID itself) or huge ones (outside the heap, found through
/// their own v2 B-tree).
/// </summary>
internal sealed class H5FractalHeap
{
    private const int MaxDepth = 16;
    private readonly H5Source _source;
    private readonly string _path;
    private readonly List<(long Offset, long Address, long Size)> _blocks = new();
    private readonly int _offsetBytes;
    private readonly int _lengthBytes;
    private readonly long _hugeTree;
    private readonly bool _checksummedBlocks;

    public H5FractalHeap(H5Source source, string path, long address)
    {
        _source = source;
        _path = path;
        var c = source.At(address, path, "fractal heap header");
        long start = c.Position;
        c.Signature("FRHP");
        if (c.U8() != 0)
        {
            throw c.Fail("a fractal heap version other than 0");
        }

        IdLength = c.U16();
        int filterLength = c.U16();
        byte flags = c.U8();
        _checksummedBlocks = (flags & 0x02) != 0;
        uint maxManaged = c.U32();
        c.Length(); // next huge object id
        _hugeTree = c.Address();
        c.Length();
        c.Address(); // free space manager
        c.Skip(8L * source.LengthSize); // managed space, allocated, iterator, counts and sizes of objects
        Width = c.U16();
        StartSize = c.Length();
        MaxDirect = c.Length();
        int maxHeapBits = c.U16();
        c.U16(); // starting rows
        long root = c.Address();
        int rows = c.U16();
        if (filterLength != 0)
        {
            throw c.Fail("a filtered fractal heap; HDF5 filters dense link and attribute storage only on request");
        }

        source.VerifyLookup3(start, (int)(c.Position - start), path, "fractal heap header");
        if (Width < 1 || StartSize < 1 || MaxDirect < StartSize || maxHeapBits < 1 || maxHeapBits > 64 || !IsPowerOfTwo(StartSize) || !IsPowerOfTwo(MaxDirect))
        {
            throw source.Error(path, "the fractal heap header has an impossible doubling table; the file is corrupted");
        }

        _offsetBytes = (maxHeapBits + 7) / 8;
        _lengthBytes = Math.Min((Log2(MaxDirect) + 7) / 8, (Log2(maxManaged) / 8) + 1);
        BlockOffsetBytes = _offsetBytes;
        if (root != H5Cursor.Undefined)
        {
            if (rows == 0)
            {
                AddDirect(root, 0, StartSize);
            }
            else
            {
                ReadIndirect(root, 0, rows, MaxDepth);
            }
        }
    }

    public int IdLength { get; }

    private int Width { get; }

    private long StartSize { get; }

    private long MaxDirect { get; }

    private int BlockOffsetBytes { get; }

    /// <summary>A cursor over the object a heap ID names (for a tiny object, over a copy of the ID's bytes).</summary>
    public H5Cursor Object(ReadOnlySpan<byte> id)
    {
        if (id.Length < 1)
        {
            throw _source.Error(_path, "a heap ID of no bytes; the file is corrupted");
        }

        int type = (id[0] >> 4) & 3;
        if (type == 2)
        {
            int length = (id[0] & 0x0f) + 1; // tiny: the object is in the ID
            if (length >= id.Length)
            {
                throw _source.Error(_path, "a tiny heap object longer than its ID; the file is corrupted");
            }

            return Cursor(id.Slice(1, length));
        }

        H5Cursor c = Cursor(id);
        c.Skip(1);
        if (type == 1)
        {
            // An ID wide enough holds the huge object's address and length; else a key into the huge object B-tree.
            if (_source.OffsetSize + _source.LengthSize <= IdLength - 1)
            {
                long at = c.Address();
                long length = c.Length();
                return _source.At(at, length, _path, "huge heap object");
            }

            return Huge(c.UVar(Math.Min(IdLength - 1, 8)));
        }

        long offset = (long)c.UVar(_offsetBytes);
        long size = (long)c.UVar(_lengthBytes);
        foreach ((long blockOffset, long address, long blockSize) in _blocks)
        {
            if (offset >= blockOffset && offset < blockOffset + blockSize)
            {
                if (offset + size > blockOffset + blockSize)
                {
                    break;
                }

                return _source.At(address + (offset - blockOffset), size, _path, "fractal heap object");
            }
        }

        throw _source.Error(_path, $"a heap ID points at heap offset {offset} ({size} bytes), in no block of the heap; the file is corrupted");
    }

    private H5Cursor Cursor(ReadOnlySpan<byte> id)
    {
        // Heap IDs come from a record already read from the file; copy them into a scratch source.
        var scratch = new H5Source(id.ToArray(), _source.Name) { OffsetSize = _source.OffsetSize, LengthSize = _source.LengthSize };
        return new H5Cursor(scratch, 0, id.Length, _path, "heap ID");
    }

    // Huge objects sit outside the heap; a v2 B-tree of type 1 maps their ID to address and length.
    private H5Cursor Huge(ulong id)
    {
        if (_hugeTree == H5Cursor.Undefined)
        {
            throw _source.Error(_path, "a huge heap object but the heap has no huge object index; the file is corrupted");
        }

        foreach (byte[] record in H5BTree2.Records(_source, _path, _hugeTree, 1))
        {
            var c = new H5Source(record, _source.Name) { OffsetSize = _source.OffsetSize, LengthSize = _source.LengthSize }.At(0, _path, "huge object record");
            long address = c.Address();
            long length = c.Length();
            if ((ulong)c.Length() == id)
            {
                return _source.At(address, length, _path, "huge heap object");
            }
        }

        throw _source.Error(_path, $"huge heap object {id} is not in the heap's index; the file is corrupted");
    }

    private void ReadIndirect(long address, long heapOffset, int rows, int depth)
    {
        if (depth == 0 || rows > 64)
        {
            throw _source.Error(_path, "the fractal heap's indirect blocks nest too deep; the file is corrupted");
        }

        var c = _source.At(address, _path, "fractal heap indirect block");
        long start = c.Position;
        c.Signature("FHIB");
        c.U8();
        c.Address();
        c.UVar(BlockOffsetBytes);
        long offset = heapOffset;
        var children = new List<(long Address, long Offset, long Size)>();
        for (int row = 0; row < rows; row++)
        {
            long size = row <= 1 ? StartSize : StartSize << (row - 1);
            for (int col = 0; col < Width; col++, offset += size)
            {
                children.Add((c.Address(), offset, size));
            }
        }

        _source.VerifyLookup3(start, (int)(c.Position - start), _path, "fractal heap indirect block");
        foreach ((long child, long childOffset, long size) in children)
        {
            if (child == H5Cursor.Undefined)
            {
                continue;
            }

            if (size <= MaxDirect)
            {
                AddDirect(child, childOffset, size);
            }
            else
            {
                ReadIndirect(child, childOffset, Log2(size) - Log2(StartSize * Width) + 1, depth - 1);
            }
        }
    }

    private void AddDirect(long address, long heapOffset, long size)
    {
        var c = _source.At(address, size, _path, "fractal heap direct block");
        c.Signature("FHDB");
        c.U8();
        c.Address();
        long stored = (long)c.UVar(BlockOffsetBytes);
        if (stored != heapOffset)
        {
            throw _source.Error(_path, $"a fractal heap direct block claims heap offset {stored} where {heapOffset} belongs; the file is corrupted");
        }

        if (_checksummedBlocks)
        {
            // The checksum covers the whole block with its own four bytes zeroed.
            long at = c.Position;
            byte[] copy = _source.At(address, size, _path, "fractal heap direct block").Bytes(size).ToArray();
            int field = (int)(at - (_source.BaseAddress + address));
            uint expected = BitConverter.ToUInt32(copy, field);
            Array.Clear(copy, field, 4);
            if (H5Checksum.Lookup3(copy) != expected)
            {
                throw _source.Error(_path, $"the fractal heap direct block at address {address} fails its checksum; the file is corrupted");
            }
        }

        _blocks.Add((heapOffset, address, size));
    }

    private static bool IsPowerOfTwo(long v) => v > 0 && (v & (v - 1)) == 0;

    private static int Log2(long v)
    {
        int n = 0;
        while (v > 1)
        {
            v >>= 1;
            n++;
        }

        return n;
    }
}

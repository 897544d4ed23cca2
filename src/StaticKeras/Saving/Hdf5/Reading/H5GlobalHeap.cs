using System;
using System.Buffers.Binary;
using System.Text;

namespace StaticKeras.Saving.Hdf5;

/// <summary>Variable-length strings: a reference (length, collection address, object index) into a global heap collection (spec III.E).</summary>
internal static class H5GlobalHeap
{
    public static string ReadString(H5Source source, string path, ReadOnlySpan<byte> reference)
    {
        if (reference.Length < 8 + source.OffsetSize)
        {
            throw source.Error(path, $"a variable-length string reference of {reference.Length} bytes (expected {8 + source.OffsetSize}); the file is corrupted");
        }

        long length = BinaryPrimitives.ReadUInt32LittleEndian(reference);
        long collection = ReadAddress(source, reference.Slice(4));
        uint index = BinaryPrimitives.ReadUInt32LittleEndian(reference.Slice(4 + source.OffsetSize));
        if (collection == H5Cursor.Undefined || length == 0)
        {
            return string.Empty;
        }

        var c = source.At(collection, path, "global heap collection");
        c.Signature("GCOL");
        if (c.U8() != 1)
        {
            throw c.Fail("a global heap version other than 1");
        }

        c.Skip(3);
        long size = c.Length();
        var objects = source.At(collection, size, path, "global heap collection");
        objects.Skip(8 + source.LengthSize);
        while (objects.Remaining >= 8 + source.LengthSize)
        {
            int id = objects.U16();
            objects.Skip(2 + 4); // reference count, reserved
            long objectSize = objects.Length();
            if (id == 0)
            {
                break; // free space ends the collection's objects
            }

            ReadOnlySpan<byte> data = objects.Bytes(objectSize);
            objects.Skip(Math.Min(objects.Remaining, ((objectSize + 7) / 8 * 8) - objectSize));
            if (id == index)
            {
                if (length > objectSize)
                {
                    throw objects.Fail($"a string of {length} bytes in a heap object of {objectSize}");
                }

                return Encoding.UTF8.GetString(data.Slice(0, (int)length).ToArray()).TrimEnd('\0');
            }
        }

        throw source.Error(path, $"refers to global heap object {index} at address {collection}, which does not exist; the file is corrupted");
    }

    private static long ReadAddress(H5Source source, ReadOnlySpan<byte> bytes)
    {
        ulong v = 0;
        for (int i = source.OffsetSize - 1; i >= 0; i--)
        {
            v = (v << 8) | bytes[i];
        }

        return source.OffsetSize == 8 && v == ulong.MaxValue ? H5Cursor.Undefined : (long)Math.Min(v, long.MaxValue / 2);
    }
}

using System.Collections.Generic;

namespace StaticKeras.Saving.Hdf5;

/// <summary>Decoders of the small header messages: dataspace, datatype and filter pipeline (spec IV.A.2).</summary>
internal static class H5Messages
{
    public const int Dataspace = 0x01;
    public const int LinkInfo = 0x02;
    public const int Datatype = 0x03;
    public const int Link = 0x06;
    public const int Layout = 0x08;
    public const int GroupInfo = 0x0A;
    public const int FilterPipeline = 0x0B;
    public const int Attribute = 0x0C;
    public const int SymbolTable = 0x11;
    public const int AttributeInfo = 0x15;

    /// <summary>The dimensions of a dataspace; empty for a scalar, null for the null dataspace.</summary>
    public static long[]? ReadDataspace(ref H5Cursor c) => ReadDataspace(ref c, out _);

    /// <summary>As <see cref="ReadDataspace(ref H5Cursor)"/>, also giving which dimensions are unlimited (maximum size undefined).</summary>
    public static long[]? ReadDataspace(ref H5Cursor c, out bool[] unlimited)
    {
        byte version = c.U8();
        int rank = c.U8();
        byte flags = c.U8();
        bool isNull = false;
        if (version == 1)
        {
            c.Skip(5);
        }
        else if (version == 2)
        {
            isNull = c.U8() == 2;
        }
        else
        {
            throw c.Fail($"dataspace message version {version} (expected 1 or 2)");
        }

        if (rank > 32)
        {
            throw c.Fail($"a dataspace of rank {rank} (HDF5 allows at most 32)");
        }

        var dims = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            dims[i] = c.Length();
        }

        unlimited = new bool[rank];
        for (int i = 0; (flags & 1) != 0 && i < rank; i++)
        {
            unlimited[i] = c.UVar(c.Source.LengthSize) == ulong.MaxValue >> (64 - (8 * c.Source.LengthSize));
        }

        return isNull ? null : dims;
    }

    public static H5Type ReadDatatype(ref H5Cursor c)
    {
        byte classAndVersion = c.U8();
        int typeClass = classAndVersion & 0x0f;
        byte bits0 = c.U8();
        byte bits1 = c.U8();
        c.U8();
        long size = c.U32();
        switch (typeClass)
        {
            case 0:
                c.Skip(4); // bit offset and precision
                return Integer(ref c, bits0, size);
            case 1:
                return Float(ref c, bits0, bits1, size);
            case 3:
                return new H5Type(H5TypeClass.String, CheckSize(ref c, size, 1, 1 << 24), utf8: (bits0 >> 4) == 1, padding: bits0 & 0x0f);
            case 9 when (bits0 & 0x0f) == 1:
                ReadDatatype(ref c); // the base type (one byte characters)
                return new H5Type(H5TypeClass.VariableString, CheckSize(ref c, size, 1, 64), utf8: ((bits1 & 0x0f) == 1), padding: bits0 >> 4);
            default:
                throw c.Fail($"datatype class {typeClass}{(typeClass == 9 ? " (a variable-length sequence)" : string.Empty)}; Keras files use integers, floats and strings only");
        }
    }

    /// <summary>The filter ids of a filter pipeline message, in the order they were applied when writing.</summary>
    public static List<int> ReadFilterPipeline(ref H5Cursor c)
    {
        byte version = c.U8();
        int count = c.U8();
        if (version == 1)
        {
            c.Skip(6);
        }
        else if (version != 2)
        {
            throw c.Fail($"filter pipeline message version {version} (expected 1 or 2)");
        }

        var filters = new List<int>(count);
        for (int i = 0; i < count; i++)
        {
            int id = c.U16();
            int nameLength = version == 1 || id >= 256 ? c.U16() : 0;
            c.U16(); // flags (optional or mandatory)
            int values = c.U16();
            c.Skip(version == 1 ? (nameLength + 7) / 8 * 8 : nameLength);
            c.Skip(4L * values);
            if (version == 1 && values % 2 == 1)
            {
                c.Skip(4);
            }

            filters.Add(id);
        }

        return filters;
    }

    private static H5Type Integer(ref H5Cursor c, byte bits0, long size)
    {
        int n = CheckSize(ref c, size, 1, 8);
        if (n != 1 && n != 2 && n != 4 && n != 8)
        {
            throw c.Fail($"an integer of {n} bytes (expected 1, 2, 4 or 8)");
        }

        return new H5Type(H5TypeClass.FixedPoint, n, bigEndian: (bits0 & 1) != 0, signed: (bits0 & 0x08) != 0);
    }

    private static H5Type Float(ref H5Cursor c, byte bits0, byte bits1, long size)
    {
        c.U16(); // bit offset
        int precision = c.U16();
        int exponentAt = c.U8();
        int exponentBits = c.U8();
        c.U8();
        int mantissaBits = c.U8();
        c.U32(); // exponent bias

        // Only IEEE binary32/binary64 in either plain byte order (VAX order sets bit 6).
        bool ieee32 = size == 4 && precision == 32 && exponentAt == 23 && exponentBits == 8 && mantissaBits == 23 && bits1 == 31;
        bool ieee64 = size == 8 && precision == 64 && exponentAt == 52 && exponentBits == 11 && mantissaBits == 52 && bits1 == 63;
        if ((!ieee32 && !ieee64) || (bits0 & 0x40) != 0)
        {
            throw c.Fail($"a {size}-byte floating-point type that is not IEEE binary32 or binary64 (precision {precision}, exponent {exponentBits} bits); Keras files use float32 or float64");
        }

        return new H5Type(H5TypeClass.FloatingPoint, (int)size, bigEndian: (bits0 & 1) != 0);
    }

    private static int CheckSize(ref H5Cursor c, long size, int min, int max)
    {
        if (size < min || size > max)
        {
            throw c.Fail($"a datatype size of {size} bytes (expected {min} to {max})");
        }

        return (int)size;
    }
}

namespace StaticKeras.Saving.Hdf5;

/// <summary>The datatype classes this reader and writer handle (spec IV.A.2.d).</summary>
internal enum H5TypeClass
{
    /// <summary>Integers of 1 to 8 bytes, signed or not.</summary>
    FixedPoint = 0,

    /// <summary>IEEE binary32 or binary64.</summary>
    FloatingPoint = 1,

    /// <summary>Fixed-length strings (null-terminated, null-padded or space-padded).</summary>
    String = 3,

    /// <summary>Variable-length strings, stored in the global heap.</summary>
    VariableString = 9,
}

/// <summary>A decoded datatype message: class, element size, byte order, signedness and string details.</summary>
internal sealed class H5Type
{
    public H5Type(H5TypeClass typeClass, int size, bool bigEndian = false, bool signed = false, bool utf8 = false, int padding = 0)
    {
        Class = typeClass;
        Size = size;
        BigEndian = bigEndian;
        Signed = signed;
        Utf8 = utf8;
        Padding = padding;
    }

    public H5TypeClass Class { get; }

    /// <summary>Bytes per element (for variable-length strings: the in-file reference, 4 + address + 4).</summary>
    public int Size { get; }

    public bool BigEndian { get; }

    public bool Signed { get; }

    public bool Utf8 { get; }

    /// <summary>String padding: 0 null-terminated, 1 null-padded, 2 space-padded.</summary>
    public int Padding { get; }

    public static H5Type Float32 { get; } = new(H5TypeClass.FloatingPoint, 4);

    public static H5Type Float64 { get; } = new(H5TypeClass.FloatingPoint, 8);

    public static H5Type Int32 { get; } = new(H5TypeClass.FixedPoint, 4, signed: true);

    public static H5Type Int64 { get; } = new(H5TypeClass.FixedPoint, 8, signed: true);

    public static H5Type UInt64 { get; } = new(H5TypeClass.FixedPoint, 8);

    /// <summary>A UTF-8 fixed-length string type of <paramref name="length"/> bytes, null-padded.</summary>
    public static H5Type FixedString(int length) => new(H5TypeClass.String, length, utf8: true, padding: 1);

    /// <summary>Numpy-style name for messages: <c>float32</c>, <c>int64</c>, <c>|S12</c>, <c>str</c>.</summary>
    public override string ToString() => Class switch
    {
        H5TypeClass.FloatingPoint => "float" + (Size * 8) + (BigEndian ? " (big-endian)" : string.Empty),
        H5TypeClass.FixedPoint => (Signed ? "int" : "uint") + (Size * 8) + (BigEndian ? " (big-endian)" : string.Empty),
        H5TypeClass.String => "string of " + Size + " bytes",
        _ => "variable-length string",
    };
}

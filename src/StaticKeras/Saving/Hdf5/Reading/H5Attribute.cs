using System;
using System.Text;

namespace StaticKeras.Saving.Hdf5;

/// <summary>
/// One attribute (spec IV.A.2.m, message versions 1 to 3): its name, type, shape and raw value, with
/// fixed-length strings, variable-length strings (via the global heap) and string arrays decoded.
/// </summary>
internal sealed class H5Attribute
{
    private readonly H5Source _source;
    private readonly string _path;
    private readonly byte[] _value;

    private H5Attribute(H5Source source, string path, string name, H5Type type, long[]? dims, byte[] value)
    {
        _source = source;
        _path = path;
        Name = name;
        Type = type;
        Dims = dims;
        _value = value;
    }

    public string Name { get; }

    public H5Type Type { get; }

    /// <summary>Empty for a scalar, null for an empty (null dataspace) attribute.</summary>
    public long[]? Dims { get; }

    /// <summary>The value's bytes in the file's byte order (for variable-length strings, the heap references).</summary>
    public ReadOnlySpan<byte> Raw => _value;

    public static H5Attribute Read(H5Source source, string objectPath, H5Message m)
    {
        var c = new H5Cursor(source, m.Start, m.Start + m.Length, objectPath, "attribute message");
        return Read(source, objectPath, ref c);
    }

    /// <summary>Decodes an attribute message body at <paramref name="c"/> (a header message or a dense-storage heap object).</summary>
    public static H5Attribute Read(H5Source source, string objectPath, ref H5Cursor c)
    {
        byte version = c.U8();
        if (version < 1 || version > 3)
        {
            throw c.Fail($"attribute message version {version} (expected 1 to 3)");
        }

        byte flags = c.U8();
        if ((flags & 0x03) != 0)
        {
            throw c.Fail("an attribute with a shared datatype or dataspace; Keras files have none");
        }

        int nameSize = c.U16();
        int typeSize = c.U16();
        int spaceSize = c.U16();
        if (version == 3)
        {
            c.U8(); // name character set
        }

        int pad = version == 1 ? 8 : 1;
        var nameCursor = c;
        string name = nameCursor.NullTerminated(nameSize).TrimEnd('\0');
        c.Skip(Align(nameSize, pad));
        var typeCursor = c;
        H5Type type = H5Messages.ReadDatatype(ref typeCursor);
        c.Skip(Align(typeSize, pad));
        var spaceCursor = c;
        long[]? dims = H5Messages.ReadDataspace(ref spaceCursor);
        c.Skip(Align(spaceSize, pad));
        string path = objectPath + "@" + name;
        long count = 1;
        foreach (long d in dims ?? Array.Empty<long>())
        {
            count = d == 0 ? 0 : (count > int.MaxValue / d ? throw source.Error(path, "an attribute shape too large for the message that holds it; the file is corrupted") : count * d);
        }

        long bytes = dims == null ? 0 : count * type.Size;
        return new H5Attribute(source, path, name, type, dims, c.Bytes(bytes).ToArray());
    }

    /// <summary>The value as strings: one per element for string types; empty for an empty value of any type.</summary>
    public string[] Strings()
    {
        int count = Type.Size == 0 ? 0 : _value.Length / Type.Size;
        if (count == 0)
        {
            return Array.Empty<string>();
        }

        var result = new string[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = Type.Class switch
            {
                H5TypeClass.String => Fixed(new ReadOnlySpan<byte>(_value, i * Type.Size, Type.Size)),
                H5TypeClass.VariableString => H5GlobalHeap.ReadString(_source, _path, new ReadOnlySpan<byte>(_value, i * Type.Size, Type.Size)),
                _ => throw _source.Error(_path, $"is {Type}, expected a string"),
            };
        }

        return result;
    }

    /// <summary>The value as one string (a scalar or one-element string attribute).</summary>
    public string String()
    {
        string[] all = Strings();
        if (all.Length != 1)
        {
            throw _source.Error(_path, $"holds {all.Length} values, expected one string");
        }

        return all[0];
    }

    private string Fixed(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.Length;
        if (Type.Padding is 0 or 1)
        {
            int zero = bytes.IndexOf((byte)0);
            end = zero < 0 ? end : zero;
        }
        else
        {
            while (end > 0 && bytes[end - 1] == (byte)' ')
            {
                end--;
            }
        }

        return Encoding.UTF8.GetString(bytes.Slice(0, end).ToArray());
    }

    private static long Align(int size, int pad) => (size + pad - 1) / pad * pad;
}

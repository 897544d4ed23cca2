using System;
using System.Collections.Generic;
using System.Text;

namespace StaticKeras.Saving.Hdf5;

/// <summary>A group or dataset to write, with its attributes: the in-memory tree <see cref="H5Writer"/> lays out.</summary>
internal sealed class H5WriteNode
{
    private H5WriteNode(string name, H5Type? type, long[] shape, IH5Data data)
    {
        Name = name;
        Type = type;
        Shape = shape;
        Data = data;
    }

    public string Name { get; }

    /// <summary>Null for a group.</summary>
    public H5Type? Type { get; }

    public long[] Shape { get; }

    /// <summary>The elements, row-major, little-endian.</summary>
    public IH5Data Data { get; }

    public List<H5WriteNode> Children { get; } = new();

    public List<H5WriteAttribute> Attributes { get; } = new();

    public bool IsGroup => Type == null;

    public static H5WriteNode Group(string name) => new(name, null, Array.Empty<long>(), new ByteArrayData(Array.Empty<byte>()));

    public static H5WriteNode Dataset(string name, H5Type type, long[] shape, IH5Data data) => new(name, type, shape, data);

    public static H5WriteNode Dataset(string name, H5Type type, long[] shape, byte[] data) => new(name, type, shape, new ByteArrayData(data));

    /// <summary>The child group <paramref name="name"/>, created when missing.</summary>
    public H5WriteNode ChildGroup(string name)
    {
        foreach (H5WriteNode c in Children)
        {
            if (c.Name == name)
            {
                return c.IsGroup ? c : throw new ArgumentException($"'{name}' is both a dataset and a group in the tree being written.", nameof(name));
            }
        }

        var group = Group(name);
        Children.Add(group);
        return group;
    }

    /// <summary>The group at the slash-separated <paramref name="path"/> below this one, created as needed.</summary>
    public H5WriteNode GroupAt(string path)
    {
        H5WriteNode node = this;
        foreach (string part in path.Split('/'))
        {
            if (part.Length > 0)
            {
                node = node.ChildGroup(part);
            }
        }

        return node;
    }
}

/// <summary>A dataset's bytes as the writer asks for them: a span, so model buffers are written without a copy.</summary>
internal interface IH5Data
{
    ReadOnlySpan<byte> Bytes { get; }
}

/// <summary>Dataset bytes held in an array.</summary>
internal sealed class ByteArrayData : IH5Data
{
    private readonly byte[] _bytes;

    public ByteArrayData(byte[] bytes) => _bytes = bytes;

    public ReadOnlySpan<byte> Bytes => _bytes;
}

/// <summary>An attribute to write: a fixed-length UTF-8 string, a string array, or numbers.</summary>
/// <remarks>
/// Strings are written fixed-length (not variable-length as h5py's default) so their bytes live in
/// the checksummed object header rather than in the unchecksummed global heap.
/// </remarks>
internal sealed class H5WriteAttribute
{
    private H5WriteAttribute(string name, H5Type type, long[] dims, byte[] value)
    {
        Name = name;
        Type = type;
        Dims = dims;
        Value = value;
    }

    public string Name { get; }

    public H5Type Type { get; }

    /// <summary>Empty for a scalar.</summary>
    public long[] Dims { get; }

    public byte[] Value { get; }

    public static H5WriteAttribute String(string name, string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        return new H5WriteAttribute(name, H5Type.FixedString(Math.Max(1, bytes.Length)), Array.Empty<long>(), bytes.Length == 0 ? new byte[1] : bytes);
    }

    /// <summary>A 1-d array of strings, null-padded to the longest (numpy's <c>|S</c> arrays, as Keras 2's <c>weight_names</c>).</summary>
    public static H5WriteAttribute Strings(string name, IReadOnlyList<string> values, int minWidth = 1)
    {
        var encoded = new byte[values.Count][];
        int width = minWidth;
        for (int i = 0; i < encoded.Length; i++)
        {
            encoded[i] = Encoding.UTF8.GetBytes(values[i]);
            width = Math.Max(width, encoded[i].Length);
        }

        var value = new byte[width * encoded.Length];
        for (int i = 0; i < encoded.Length; i++)
        {
            Array.Copy(encoded[i], 0, value, i * width, encoded[i].Length);
        }

        return new H5WriteAttribute(name, H5Type.FixedString(width), new long[] { encoded.Length }, value);
    }
}

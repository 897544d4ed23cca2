using System;
using System.Collections.Generic;

namespace StaticKeras.Saving.Hdf5;

/// <summary>
/// One object of an open HDF5 file: a group (members by name) or a dataset (type, shape, data), with
/// its attributes. Header messages are decoded when first asked for.
/// </summary>
internal sealed class H5Node
{
    private readonly H5Source _source;
    private readonly List<H5Message> _messages;
    private readonly int _depth;
    private List<KeyValuePair<string, long>>? _links;
    private Dictionary<string, long>? _linkIndex;
    private Dictionary<string, H5Node>? _opened;
    private List<H5Attribute>? _attributes;

    private H5Node(H5Source source, string path, long address, int depth)
    {
        _source = source;
        Path = path;
        _depth = depth;
        _messages = H5ObjectHeader.Read(source, address, path);
        IsDataset = Has(H5Messages.Layout);
        IsGroup = !IsDataset && (Has(H5Messages.SymbolTable) || Has(H5Messages.LinkInfo) || Has(H5Messages.Link));
    }

    /// <summary>The object's path from the root, without a leading slash (the root is empty).</summary>
    public string Path { get; }

    public bool IsGroup { get; }

    public bool IsDataset { get; }

    /// <summary>Member names in file order (old-style groups: sorted by name, as HDF5 keeps them).</summary>
    public IReadOnlyList<string> MemberNames
    {
        get
        {
            var names = new List<string>();
            foreach (KeyValuePair<string, long> link in Links())
            {
                names.Add(link.Key);
            }

            return names;
        }
    }

    public IReadOnlyList<H5Attribute> Attributes => _attributes ??= ReadAttributes();

    /// <summary>Opens the root group of a file held in <paramref name="data"/>.</summary>
    public static H5Node OpenRoot(byte[] data, string name)
    {
        var source = new H5Source(data, name);
        long root = H5Superblock.Read(source);
        return new H5Node(source, string.Empty, root, 0);
    }

    /// <summary>The member <paramref name="name"/>, or null when there is none.</summary>
    public H5Node? Member(string name)
    {
        if (_opened != null && _opened.TryGetValue(name, out H5Node? open))
        {
            return open;
        }

        if (_linkIndex == null)
        {
            _linkIndex = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, long> link in Links())
            {
                _linkIndex[link.Key] = link.Value;
            }
        }

        if (!_linkIndex.TryGetValue(name, out long address))
        {
            return null;
        }

        // Depth bounds a corrupted file whose links form a cycle.
        if (_depth >= 64)
        {
            throw _source.Error(Path, "groups nest more than 64 deep; the file is corrupted or its links form a cycle");
        }

        // Opened members are kept: legacy weight names reach the same subgroup once per weight.
        var node = new H5Node(_source, Path.Length == 0 ? name : Path + "/" + name, address, _depth + 1);
        (_opened ??= new Dictionary<string, H5Node>(StringComparer.Ordinal))[name] = node;
        return node;
    }

    public H5Attribute? Attribute(string name)
    {
        foreach (H5Attribute a in Attributes)
        {
            if (a.Name == name)
            {
                return a;
            }
        }

        return null;
    }

    /// <summary>The dataset's element type.</summary>
    public H5Type DataType()
    {
        var c = Message(H5Messages.Datatype);
        return H5Messages.ReadDatatype(ref c);
    }

    /// <summary>The dataset's shape: empty for a scalar.</summary>
    public long[] Shape()
    {
        var c = Message(H5Messages.Dataspace);
        return H5Messages.ReadDataspace(ref c) ?? Array.Empty<long>();
    }

    /// <summary>The dataset's elements, row-major, in the file's byte order.</summary>
    public byte[] ReadData()
    {
        var data = new byte[DataSize()];
        ReadData(data);
        return data;
    }

    /// <summary>The dataset's size in bytes (elements times element size), checked against the file's size.</summary>
    public long DataSize() => H5DataReader.Size(_source, Path, DataType(), Shape(), Filters());

    /// <summary>Reads the dataset's elements into <paramref name="destination"/>, which holds exactly <see cref="DataSize"/> bytes.</summary>
    public void ReadData(Span<byte> destination)
    {
        H5Type type = DataType();
        var layout = Message(H5Messages.Layout);
        H5Layout storage = H5Layout.Read(ref layout);
        long[] shape = Shape();
        List<int> filters = Filters();
        if (destination.Length != H5DataReader.Size(_source, Path, type, shape, filters))
        {
            throw new ArgumentException($"'{Path}' holds {H5DataReader.Size(_source, Path, type, shape, filters)} bytes; the destination holds {destination.Length}.", nameof(destination));
        }

        var space = Message(H5Messages.Dataspace);
        H5Messages.ReadDataspace(ref space, out bool[] unlimited);
        H5DataReader.Read(_source, Path, type, shape, storage, filters, destination, Math.Max(0, Array.IndexOf(unlimited, true)));
    }

    private List<int> Filters()
    {
        if (!Has(H5Messages.FilterPipeline))
        {
            return new List<int>();
        }

        var pipeline = Message(H5Messages.FilterPipeline);
        return H5Messages.ReadFilterPipeline(ref pipeline);
    }

    /// <summary>The failure for this object, in the one exception type of the readers.</summary>
    public ModelFileException Error(string problem) => _source.Error(Path, problem);

    private List<KeyValuePair<string, long>> Links() => _links ??= H5Links.Read(_source, Path, _messages);

    private List<H5Attribute> ReadAttributes()
    {
        var result = new List<H5Attribute>();
        foreach (H5Message m in _messages)
        {
            if (m.Type == H5Messages.Attribute)
            {
                result.Add(H5Attribute.Read(_source, Path, m));
            }
            else if (m.Type == H5Messages.AttributeInfo)
            {
                ReadDenseAttributes(m, result);
            }
        }

        return result;
    }

    // Dense attribute storage (libver='latest': more than 8 attributes, or one over 64 KB): attribute
    // messages in a fractal heap, indexed by name in a v2 B-tree of type 8 (heap ID first in each record).
    private void ReadDenseAttributes(H5Message m, List<H5Attribute> result)
    {
        var c = new H5Cursor(_source, m.Start, m.Start + m.Length, Path, "attribute info message");
        c.U8();
        byte flags = c.U8();
        c.Skip((flags & 1) != 0 ? 2 : 0);
        long heapAddress = c.Address();
        long nameIndex = c.Address();
        if (heapAddress == H5Cursor.Undefined)
        {
            return;
        }

        var heap = new H5FractalHeap(_source, Path, heapAddress);
        foreach (byte[] record in H5BTree2.Records(_source, Path, nameIndex, 8))
        {
            if (record.Length < heap.IdLength)
            {
                throw c.Fail($"an attribute name record of {record.Length} bytes");
            }

            H5Cursor body = heap.Object(new ReadOnlySpan<byte>(record, 0, heap.IdLength));
            result.Add(H5Attribute.Read(_source, Path, ref body));
        }
    }

    private bool Has(int type)
    {
        foreach (H5Message m in _messages)
        {
            if (m.Type == type)
            {
                return true;
            }
        }

        return false;
    }

    private H5Cursor Message(int type)
    {
        foreach (H5Message m in _messages)
        {
            if (m.Type == type)
            {
                return new H5Cursor(_source, m.Start, m.Start + m.Length, Path, "header message " + type);
            }
        }

        throw _source.Error(Path, $"has no header message of type {type} ({(type == H5Messages.Datatype ? "datatype" : type == H5Messages.Dataspace ? "dataspace" : "layout")}), which every dataset has; the file is corrupted");
    }
}

using PureHDF;

namespace StaticKeras.Saving.Tests;

/// <summary>
/// PureHDF (a separate managed HDF5 implementation, test-only) as the second reader: what it reads
/// from a file must equal what ours reads.
/// </summary>
internal static class IndependentReader
{
    /// <summary>Every dataset in the file: path to (shape, values as doubles or longs), read by PureHDF.</summary>
    public static Dictionary<string, (ulong[] Shape, object? Values)> Datasets(string path)
    {
        using var file = H5File.OpenRead(path);
        var result = new Dictionary<string, (ulong[], object?)>(StringComparer.Ordinal);
        Walk(file, string.Empty, result);
        return result;
    }

    /// <summary>One float32 dataset, read by PureHDF.</summary>
    public static float[] Float32(string path, string dataset)
    {
        using var file = H5File.OpenRead(path);
        return file.Dataset(dataset).Read<float[]>();
    }

    /// <summary>A string attribute of the object at <paramref name="objectPath"/> (empty for the root).</summary>
    public static string[] StringAttribute(string path, string objectPath, string name)
    {
        using var file = H5File.OpenRead(path);
        IH5Object obj = objectPath.Length == 0 ? file : file.Get(objectPath);
        IH5Attribute a = obj.Attribute(name);
        return a.Space.Rank == 0 ? [a.Read<string>()] : a.Read<string[]>();
    }

    private static void Walk(IH5Group group, string prefix, Dictionary<string, (ulong[], object?)> result)
    {
        foreach (IH5Object child in group.Children())
        {
            string path = prefix.Length == 0 ? child.Name : prefix + "/" + child.Name;
            if (child is IH5Group g)
            {
                Walk(g, path, result);
            }
            else if (child is IH5Dataset d)
            {
                result[path] = (d.Space.Dimensions, Read(d));
            }
        }
    }

    // PureHDF 2.2 does not convert byte order ("not (yet) supported"); those datasets are checked against their formula only.
    private static object? Read(IH5Dataset d)
    {
        try
        {
            return ReadTyped(d);
        }
        catch (Exception e) when (e.Message.Contains("Byte order conversion", StringComparison.Ordinal))
        {
            return null;
        }
    }

    private static object ReadTyped(IH5Dataset d) => d.Type.Class switch
    {
        H5DataTypeClass.FloatingPoint when d.Type.Size == 4 => d.Read<float[]>(),
        H5DataTypeClass.FloatingPoint => d.Read<double[]>(),
        H5DataTypeClass.FixedPoint when d.Type.Size == 8 && d.Type.FixedPoint.IsSigned => d.Read<long[]>(),
        H5DataTypeClass.FixedPoint when d.Type.Size == 8 => d.Read<ulong[]>(),
        H5DataTypeClass.FixedPoint when d.Type.FixedPoint.IsSigned => d.Read<int[]>(),
        H5DataTypeClass.FixedPoint => d.Read<uint[]>(),
        _ => throw new NotSupportedException(d.Type.Class.ToString()),
    };
}

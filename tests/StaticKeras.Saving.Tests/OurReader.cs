using StaticKeras.Saving.Hdf5;

namespace StaticKeras.Saving.Tests;

/// <summary>Our reader's view of a whole file, in the shape <see cref="IndependentReader"/> returns, so the two can be compared.</summary>
internal static class OurReader
{
    public static Dictionary<string, (ulong[] Shape, object Values)> Datasets(string path) => Datasets(File.ReadAllBytes(path), Path.GetFileName(path));

    /// <summary>Every dataset and attribute of a file held in memory, read through the facade's guard (so only <see cref="ModelFileException"/> escapes).</summary>
    public static Dictionary<string, (ulong[] Shape, object Values)> Datasets(byte[] data, string name) => FileBytes.Guard(name, () =>
    {
        H5Node root = H5Node.OpenRoot(data, name);
        var result = new Dictionary<string, (ulong[], object)>(StringComparer.Ordinal);
        Walk(root, result);
        return result;
    });

    /// <summary>A variable's values as the array type PureHDF returns for it.</summary>
    public static object Values(KerasVariable v) => v.DType switch
    {
        KerasDType.Float32 => v.AsFloat32().ToArray(),
        KerasDType.Float64 => v.AsFloat64().ToArray(),
        KerasDType.Int32 => v.AsInt32().ToArray(),
        KerasDType.UInt32 => v.AsUInt32().ToArray(),
        KerasDType.Int64 => v.AsInt64().ToArray(),
        _ => v.AsUInt64().ToArray(),
    };

    /// <summary>Asserts both readers found the same datasets with the same shapes and bit-identical values.</summary>
    public static void AssertSame(Dictionary<string, (ulong[] Shape, object? Values)> expected, Dictionary<string, (ulong[] Shape, object Values)> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach ((string path, (ulong[] shape, object? values)) in expected)
        {
            Assert.True(shape.SequenceEqual(actual[path].Shape), $"{path}: shape ({string.Join(", ", shape)}) vs ({string.Join(", ", actual[path].Shape)})");
            if (values == null)
            {
                continue; // big-endian: PureHDF cannot read it; the caller checks the values
            }

            Assert.True(Bits(values).SequenceEqual(Bits(actual[path].Values)), $"{path}: values differ");
        }
    }

    private static byte[] Bits(object values) => values switch
    {
        float[] f => f.SelectMany(BitConverter.GetBytes).ToArray(),
        double[] d => d.SelectMany(BitConverter.GetBytes).ToArray(),
        int[] i => i.SelectMany(BitConverter.GetBytes).ToArray(),
        uint[] u => u.SelectMany(BitConverter.GetBytes).ToArray(),
        long[] l => l.SelectMany(BitConverter.GetBytes).ToArray(),
        ulong[] u => u.SelectMany(BitConverter.GetBytes).ToArray(),
        _ => throw new NotSupportedException(values.GetType().Name),
    };

    private static void Walk(H5Node node, Dictionary<string, (ulong[], object)> result)
    {
        foreach (H5Attribute a in node.Attributes)
        {
            if (a.Type.Class is H5TypeClass.String or H5TypeClass.VariableString)
            {
                a.Strings();
            }
        }

        if (node.IsDataset)
        {
            KerasVariable v = VariableCodec.Read(node, node.Path);
            ulong[] shape = v.Shape.Select(d => (ulong)d).ToArray();
            result[node.Path] = (shape, Values(v));
            return;
        }

        foreach (string name in node.MemberNames)
        {
            Walk(node.Member(name)!, result);
        }
    }
}

using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using StaticKeras.Saving.Hdf5;

namespace StaticKeras.Saving;

/// <summary>Turns HDF5 datasets into <see cref="KerasVariable"/>s and back: dtype mapping, byte order, shape checks.</summary>
internal static class VariableCodec
{
    /// <summary>Reads dataset <paramref name="node"/> as a variable named <paramref name="name"/>; validates its shape and type.</summary>
    public static KerasVariable Read(H5Node node, string name)
    {
        if (!node.IsDataset)
        {
            throw node.Error("is a group where a variable (a dataset) was expected");
        }

        H5Type type = node.DataType();
        long[] dims = node.Shape();
        var shape = new int[dims.Length];
        for (int i = 0; i < dims.Length; i++)
        {
            shape[i] = dims[i] <= int.MaxValue ? (int)dims[i] : throw node.Error($"has dimension {dims[i]}, too large for a .NET array");
        }

        long count = 1;
        foreach (int d in shape)
        {
            count *= d;
        }

        if (count * type.Size != node.DataSize())
        {
            throw node.Error($"is {type} of shape ({string.Join(", ", dims)}) but holds {node.DataSize()} bytes; the file is corrupted");
        }

        // One copy: the reader writes straight into the variable's array.
        return type switch
        {
            { Class: H5TypeClass.FloatingPoint, Size: 4 } => KerasVariable.Float32(name, shape, Fill<float>(node, type, count)),
            { Class: H5TypeClass.FloatingPoint } => KerasVariable.Float64(name, shape, Fill<double>(node, type, count)),
            { Class: H5TypeClass.FixedPoint, Size: 8, Signed: true } => KerasVariable.Int64(name, shape, Fill<long>(node, type, count)),
            { Class: H5TypeClass.FixedPoint, Size: 8 } => KerasVariable.UInt64(name, shape, Fill<ulong>(node, type, count)),
            { Class: H5TypeClass.FixedPoint, Size: 4, Signed: true } => KerasVariable.Int32(name, shape, Fill<int>(node, type, count)),
            { Class: H5TypeClass.FixedPoint, Size: 4 } => KerasVariable.UInt32(name, shape, Fill<uint>(node, type, count)),
            { Class: H5TypeClass.FixedPoint } => KerasVariable.Int32(name, shape, Widen(node.ReadData(), type)),
            _ => throw node.Error($"is {type}; a variable must be a float or integer array"),
        };
    }

    private static T[] Fill<T>(H5Node node, H5Type type, long count)
        where T : struct
    {
        var values = GC.AllocateUninitializedArray<T>((int)count); // every byte is overwritten below
        Span<byte> bytes = MemoryMarshal.AsBytes(values.AsSpan());
        node.ReadData(bytes);
        if (type.BigEndian)
        {
            for (int i = 0; i < bytes.Length; i += type.Size)
            {
                bytes.Slice(i, type.Size).Reverse();
            }
        }

        return values;
    }

    /// <summary>The dataset that stores <paramref name="v"/> as <paramref name="datasetName"/>.</summary>
    public static H5WriteNode Dataset(KerasVariable v, string datasetName)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Writing HDF5 files needs a little-endian machine.");
        }

        var shape = new long[v.Shape.Count];
        for (int i = 0; i < shape.Length; i++)
        {
            shape[i] = v.Shape[i];
        }

        return H5WriteNode.Dataset(datasetName, KerasVariable.H5TypeOf(v.DType), shape, new VariableBytes(v));
    }

    // 8- and 16-bit integers (rare in weight files) widen to int32, keeping their values.
    private static int[] Widen(byte[] data, H5Type type)
    {
        var result = new int[data.Length / type.Size];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = type.Size == 1
                ? (type.Signed ? (sbyte)data[i] : data[i])
                : Word(data.AsSpan(2 * i, 2), type);
        }

        return result;
    }

    private static int Word(ReadOnlySpan<byte> b, H5Type type)
    {
        ushort v = type.BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);
        return type.Signed ? (short)v : v;
    }

    /// <summary>Hands the writer a variable's bytes without copying them.</summary>
    private sealed class VariableBytes : IH5Data
    {
        private readonly KerasVariable _variable;

        public VariableBytes(KerasVariable variable) => _variable = variable;

        public ReadOnlySpan<byte> Bytes => _variable.Bytes();
    }
}

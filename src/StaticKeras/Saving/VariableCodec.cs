using System;
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

        byte[] data = node.ReadData();
        if (type.BigEndian)
        {
            Reverse(data, type.Size);
        }

        try
        {
            return type switch
            {
                { Class: H5TypeClass.FloatingPoint, Size: 4 } => KerasVariable.Float32(name, shape, MemoryMarshal.Cast<byte, float>(data).ToArray()),
                { Class: H5TypeClass.FloatingPoint } => KerasVariable.Float64(name, shape, MemoryMarshal.Cast<byte, double>(data).ToArray()),
                { Class: H5TypeClass.FixedPoint, Size: 8, Signed: true } => KerasVariable.Int64(name, shape, MemoryMarshal.Cast<byte, long>(data).ToArray()),
                { Class: H5TypeClass.FixedPoint, Size: 8 } => KerasVariable.UInt64(name, shape, MemoryMarshal.Cast<byte, ulong>(data).ToArray()),
                { Class: H5TypeClass.FixedPoint, Size: 4, Signed: true } => KerasVariable.Int32(name, shape, MemoryMarshal.Cast<byte, int>(data).ToArray()),
                { Class: H5TypeClass.FixedPoint, Size: 4 } => KerasVariable.UInt32(name, shape, MemoryMarshal.Cast<byte, uint>(data).ToArray()),
                { Class: H5TypeClass.FixedPoint } => KerasVariable.Int32(name, shape, Widen(data, type)),
                _ => throw node.Error($"is {type}; a variable must be a float or integer array"),
            };
        }
        catch (ArgumentException e)
        {
            throw node.Error(e.Message);
        }
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
                : (type.Signed ? BitConverter.ToInt16(data, 2 * i) : BitConverter.ToUInt16(data, 2 * i));
        }

        return result;
    }

    private static void Reverse(byte[] data, int size)
    {
        for (int i = 0; i + size <= data.Length; i += size)
        {
            Array.Reverse(data, i, size);
        }
    }

    /// <summary>Hands the writer a variable's bytes without copying them.</summary>
    private sealed class VariableBytes : IH5Data
    {
        private readonly KerasVariable _variable;

        public VariableBytes(KerasVariable variable) => _variable = variable;

        public ReadOnlySpan<byte> Bytes => _variable.Bytes();
    }
}

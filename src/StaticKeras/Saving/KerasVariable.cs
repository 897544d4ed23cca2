using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using StaticKeras.Saving.Hdf5;

namespace StaticKeras.Saving;

/// <summary>
/// One stored variable: its name in the file (<c>0</c>, <c>1</c>, ... in Keras 3 files; <c>kernel:0</c> in
/// legacy ones), its shape, its dtype and its values (row-major, Keras's layout).
/// </summary>
/// <remarks>
/// Values are held as <see cref="ReadOnlyMemory{T}"/>, so a variable can wrap a slice of a model's
/// parameter buffer and be written without a copy.
/// </remarks>
public sealed class KerasVariable
{
    private readonly object _values;

    private KerasVariable(string name, int[] shape, KerasDType dtype, object values, int length)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        foreach (int d in shape)
        {
            if (d < 0)
            {
                throw new ArgumentException($"Variable '{name}' has a negative dimension in shape {FormatShape(shape)}.", nameof(shape));
            }

            count *= d;
        }

        if (count != length)
        {
            throw new ArgumentException($"Variable '{name}' has shape {FormatShape(shape)} = {count} values but {length} were given.", nameof(shape));
        }

        Name = name;
        Shape = (int[])shape.Clone();
        DType = dtype;
        _values = values;
        Length = length;
    }

    /// <summary>The dataset name: the index in Keras 3 files, the weight name in legacy ones.</summary>
    public string Name { get; }

    /// <summary>The shape; empty for a scalar.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>The element type.</summary>
    public KerasDType DType { get; }

    /// <summary>The number of elements.</summary>
    public int Length { get; }

    /// <summary>A float32 variable over <paramref name="values"/> (not copied).</summary>
    public static KerasVariable Float32(string name, int[] shape, ReadOnlyMemory<float> values) => new(name, shape, KerasDType.Float32, values, values.Length);

    /// <summary>A float64 variable over <paramref name="values"/> (not copied).</summary>
    public static KerasVariable Float64(string name, int[] shape, ReadOnlyMemory<double> values) => new(name, shape, KerasDType.Float64, values, values.Length);

    /// <summary>An int32 variable over <paramref name="values"/> (not copied).</summary>
    public static KerasVariable Int32(string name, int[] shape, ReadOnlyMemory<int> values) => new(name, shape, KerasDType.Int32, values, values.Length);

    /// <summary>A uint32 variable over <paramref name="values"/> (not copied).</summary>
    public static KerasVariable UInt32(string name, int[] shape, ReadOnlyMemory<uint> values) => new(name, shape, KerasDType.UInt32, values, values.Length);

    /// <summary>An int64 variable over <paramref name="values"/> (not copied).</summary>
    public static KerasVariable Int64(string name, int[] shape, ReadOnlyMemory<long> values) => new(name, shape, KerasDType.Int64, values, values.Length);

    /// <summary>A uint64 variable over <paramref name="values"/> (not copied).</summary>
    public static KerasVariable UInt64(string name, int[] shape, ReadOnlyMemory<ulong> values) => new(name, shape, KerasDType.UInt64, values, values.Length);

    /// <summary>The values of a float32 variable.</summary>
    /// <exception cref="InvalidOperationException">The variable has another dtype.</exception>
    public ReadOnlySpan<float> AsFloat32() => As<float>(KerasDType.Float32);

    /// <summary>The values of a float64 variable.</summary>
    /// <exception cref="InvalidOperationException">The variable has another dtype.</exception>
    public ReadOnlySpan<double> AsFloat64() => As<double>(KerasDType.Float64);

    /// <summary>The values of an int32 variable.</summary>
    /// <exception cref="InvalidOperationException">The variable has another dtype.</exception>
    public ReadOnlySpan<int> AsInt32() => As<int>(KerasDType.Int32);

    /// <summary>The values of a uint32 variable.</summary>
    /// <exception cref="InvalidOperationException">The variable has another dtype.</exception>
    public ReadOnlySpan<uint> AsUInt32() => As<uint>(KerasDType.UInt32);

    /// <summary>The values of an int64 variable.</summary>
    /// <exception cref="InvalidOperationException">The variable has another dtype.</exception>
    public ReadOnlySpan<long> AsInt64() => As<long>(KerasDType.Int64);

    /// <summary>The values of a uint64 variable.</summary>
    /// <exception cref="InvalidOperationException">The variable has another dtype.</exception>
    public ReadOnlySpan<ulong> AsUInt64() => As<ulong>(KerasDType.UInt64);

    /// <summary>Numpy-style shape text, e.g. <c>(784, 128)</c> or <c>()</c>.</summary>
    public static string FormatShape(IReadOnlyList<int> shape) =>
        shape.Count == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";

    /// <summary>The Keras dtype name: <c>float32</c>, <c>int64</c>, ...</summary>
    public static string DTypeName(KerasDType dtype) => dtype.ToString().ToLowerInvariant();

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {DTypeName(DType)} {FormatShape(Shape)}";

    /// <summary>The values as little-endian bytes, for the writer.</summary>
    internal ReadOnlySpan<byte> Bytes() => DType switch
    {
        KerasDType.Float32 => MemoryMarshal.AsBytes(((ReadOnlyMemory<float>)_values).Span),
        KerasDType.Float64 => MemoryMarshal.AsBytes(((ReadOnlyMemory<double>)_values).Span),
        KerasDType.Int32 => MemoryMarshal.AsBytes(((ReadOnlyMemory<int>)_values).Span),
        KerasDType.UInt32 => MemoryMarshal.AsBytes(((ReadOnlyMemory<uint>)_values).Span),
        KerasDType.Int64 => MemoryMarshal.AsBytes(((ReadOnlyMemory<long>)_values).Span),
        _ => MemoryMarshal.AsBytes(((ReadOnlyMemory<ulong>)_values).Span),
    };

    internal static H5Type H5TypeOf(KerasDType dtype) => dtype switch
    {
        KerasDType.Float32 => H5Type.Float32,
        KerasDType.Float64 => H5Type.Float64,
        KerasDType.Int32 => H5Type.Int32,
        KerasDType.UInt32 => new H5Type(H5TypeClass.FixedPoint, 4),
        KerasDType.Int64 => H5Type.Int64,
        _ => H5Type.UInt64,
    };

    private ReadOnlySpan<T> As<T>(KerasDType expected)
    {
        if (DType != expected)
        {
            throw new InvalidOperationException($"Variable '{Name}' is {DTypeName(DType)}, not {DTypeName(expected)}.");
        }

        return ((ReadOnlyMemory<T>)_values).Span;
    }
}

using System;
using System.Globalization;

namespace StaticKeras.Onnx;

/// <summary>
/// A constant tensor: an initializer (a weight) or a tensor-valued attribute. Float tensors hold
/// weights; int64 tensors hold the shapes, pads and axes that newer opsets take as inputs.
/// </summary>
public sealed class OnnxTensor
{
    private OnnxTensor(string name, long[] dims, OnnxDataType type, float[]? floats, long[]? ints)
    {
        ArgumentNullException.ThrowIfNull(name);
        long count = 1;
        foreach (long d in dims)
        {
            if (d < 0)
            {
                throw new ArgumentException($"Tensor '{name}' has dimension {d}; ONNX dimensions are 0 or more.", nameof(dims));
            }

            count *= d;
        }

        long actual = floats?.LongLength ?? ints!.LongLength;
        if (count != actual)
        {
            throw new ArgumentException($"Tensor '{name}' has shape ({string.Join(", ", dims)}) = {count.ToString(CultureInfo.InvariantCulture)} values, but {actual.ToString(CultureInfo.InvariantCulture)} were given.", nameof(dims));
        }

        Name = name;
        Dims = dims;
        DataType = type;
        FloatValues = floats;
        Int64Values = ints;
    }

    /// <summary>The tensor's name (for an initializer, the value name nodes refer to).</summary>
    public string Name { get; }

    /// <summary>The shape; empty for a scalar.</summary>
    public ReadOnlyMemory<long> Dims { get; }

    /// <summary>The element type.</summary>
    public OnnxDataType DataType { get; }

    /// <summary>The values of a float tensor (empty for another type).</summary>
    public ReadOnlyMemory<float> FloatValues { get; }

    /// <summary>The values of an int64 tensor (empty for another type).</summary>
    public ReadOnlyMemory<long> Int64Values { get; }

    /// <summary>A float tensor of shape <paramref name="dims"/>, row-major; the values are copied.</summary>
    /// <exception cref="ArgumentException">The shape's size is not the number of values.</exception>
    public static OnnxTensor Float(string name, ReadOnlySpan<long> dims, ReadOnlySpan<float> values) =>
        new(name, dims.ToArray(), OnnxDataType.Float, values.ToArray(), null);

    /// <summary>An int64 tensor of shape <paramref name="dims"/>, row-major; the values are copied.</summary>
    /// <exception cref="ArgumentException">The shape's size is not the number of values.</exception>
    public static OnnxTensor Int64(string name, ReadOnlySpan<long> dims, ReadOnlySpan<long> values) =>
        new(name, dims.ToArray(), OnnxDataType.Int64, null, values.ToArray());

    /// <summary>A one-dimensional int64 tensor (axes, pads, a target shape).</summary>
    public static OnnxTensor Int64Vector(string name, params ReadOnlySpan<long> values) =>
        Int64(name, [values.Length], values);

    /// <summary>A float scalar (shape <c>()</c>).</summary>
    public static OnnxTensor FloatScalar(string name, float value) => Float(name, [], [value]);
}

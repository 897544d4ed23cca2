using System;

namespace StaticKeras.Onnx;

/// <summary>A named node attribute: an int, a float, a string, a tensor, or a list of ints, floats or strings.</summary>
public sealed class OnnxAttribute
{
    private OnnxAttribute(string name, OnnxAttributeKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Kind = kind;
    }

    /// <summary>The attribute's name, as the operator's schema spells it (<c>axis</c>, <c>kernel_shape</c>).</summary>
    public string Name { get; }

    /// <summary>Which value the attribute holds.</summary>
    public OnnxAttributeKind Kind { get; }

    /// <summary>The value of an <see cref="OnnxAttributeKind.Int"/> attribute.</summary>
    public long IntValue { get; private init; }

    /// <summary>The value of a <see cref="OnnxAttributeKind.Float"/> attribute.</summary>
    public float FloatValue { get; private init; }

    /// <summary>The value of a <see cref="OnnxAttributeKind.String"/> attribute.</summary>
    public string? StringValue { get; private init; }

    /// <summary>The value of a <see cref="OnnxAttributeKind.Tensor"/> attribute.</summary>
    public OnnxTensor? TensorValue { get; private init; }

    /// <summary>The values of an <see cref="OnnxAttributeKind.Ints"/> attribute.</summary>
    public ReadOnlyMemory<long> IntValues { get; private init; }

    /// <summary>The values of a <see cref="OnnxAttributeKind.Floats"/> attribute.</summary>
    public ReadOnlyMemory<float> FloatValues { get; private init; }

    /// <summary>The values of a <see cref="OnnxAttributeKind.Strings"/> attribute.</summary>
    public ReadOnlyMemory<string> StringValues { get; private init; }

    /// <summary>An int attribute.</summary>
    public static OnnxAttribute Int(string name, long value) => new(name, OnnxAttributeKind.Int) { IntValue = value };

    /// <summary>A float attribute.</summary>
    public static OnnxAttribute Float(string name, float value) => new(name, OnnxAttributeKind.Float) { FloatValue = value };

    /// <summary>A string attribute.</summary>
    public static OnnxAttribute String(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(name, OnnxAttributeKind.String) { StringValue = value };
    }

    /// <summary>A tensor attribute (for example <c>Constant</c>'s <c>value</c>).</summary>
    public static OnnxAttribute Tensor(string name, OnnxTensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(name, OnnxAttributeKind.Tensor) { TensorValue = value };
    }

    /// <summary>A list-of-ints attribute (<c>kernel_shape</c>, <c>pads</c>, <c>perm</c>); the values are copied.</summary>
    public static OnnxAttribute Ints(string name, params ReadOnlySpan<long> values) =>
        new(name, OnnxAttributeKind.Ints) { IntValues = values.ToArray() };

    /// <summary>A list-of-floats attribute; the values are copied.</summary>
    public static OnnxAttribute Floats(string name, params ReadOnlySpan<float> values) =>
        new(name, OnnxAttributeKind.Floats) { FloatValues = values.ToArray() };

    /// <summary>A list-of-strings attribute (the recurrent operators' <c>activations</c>); the values are copied.</summary>
    public static OnnxAttribute Strings(string name, params ReadOnlySpan<string> values) =>
        new(name, OnnxAttributeKind.Strings) { StringValues = values.ToArray() };
}

using System;
using System.Globalization;

namespace StaticKeras.Onnx;

/// <summary>
/// One dimension of a graph input or output: a constant (<c>dim_value</c>) or a name that stands
/// for a size known only at run time (<c>dim_param</c>), such as the batch.
/// </summary>
public readonly record struct OnnxDim
{
    private OnnxDim(long value, string? parameter)
    {
        Value = value;
        Parameter = parameter;
    }

    /// <summary>The batch dimension, symbolic: every StaticKeras input and output starts with it.</summary>
    public static OnnxDim Batch { get; } = new(0, "batch");

    /// <summary>The size, when the dimension is a constant; 0 when it is symbolic.</summary>
    public long Value { get; }

    /// <summary>The symbol, when the dimension is symbolic; null when it is a constant.</summary>
    public string? Parameter { get; }

    /// <summary>Whether the dimension is a symbol.</summary>
    public bool IsSymbolic => Parameter is not null;

    /// <summary>A constant dimension.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is below 1.</exception>
    public static OnnxDim Of(long value) => value >= 1
        ? new OnnxDim(value, null)
        : throw new ArgumentOutOfRangeException(nameof(value), value, "An ONNX dimension must be at least 1 (use OnnxDim.Symbolic for a size known only at run time).");

    /// <summary>A symbolic dimension named <paramref name="parameter"/>.</summary>
    public static OnnxDim Symbolic(string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameter);
        return new OnnxDim(0, parameter);
    }

    /// <summary>A constant dimension.</summary>
    public static implicit operator OnnxDim(int value) => Of(value);

    /// <inheritdoc/>
    public override string ToString() => Parameter ?? Value.ToString(CultureInfo.InvariantCulture);
}

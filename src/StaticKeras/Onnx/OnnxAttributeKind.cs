namespace StaticKeras.Onnx;

/// <summary>The attribute types the writer stores, numbered as onnx.proto's <c>AttributeProto.AttributeType</c>.</summary>
public enum OnnxAttributeKind
{
    /// <summary>One float (<c>FLOAT</c>, field <c>f</c>).</summary>
    Float = 1,

    /// <summary>One int64 (<c>INT</c>, field <c>i</c>).</summary>
    Int = 2,

    /// <summary>One UTF-8 string (<c>STRING</c>, field <c>s</c>).</summary>
    String = 3,

    /// <summary>One tensor (<c>TENSOR</c>, field <c>t</c>).</summary>
    Tensor = 4,

    /// <summary>A list of floats (<c>FLOATS</c>, field <c>floats</c>).</summary>
    Floats = 6,

    /// <summary>A list of int64s (<c>INTS</c>, field <c>ints</c>).</summary>
    Ints = 7,

    /// <summary>A list of strings (<c>STRINGS</c>, field <c>strings</c>).</summary>
    Strings = 8,
}

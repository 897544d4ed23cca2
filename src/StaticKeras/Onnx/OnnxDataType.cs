namespace StaticKeras.Onnx;

/// <summary>The element types the writer stores, numbered as onnx.proto's <c>TensorProto.DataType</c>.</summary>
public enum OnnxDataType
{
    /// <summary>32-bit IEEE float (<c>FLOAT</c>): activations and weights.</summary>
    Float = 1,

    /// <summary>32-bit signed integer (<c>INT32</c>).</summary>
    Int32 = 6,

    /// <summary>64-bit signed integer (<c>INT64</c>): shapes, axes, pads and indices.</summary>
    Int64 = 7,
}

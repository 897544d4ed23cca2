namespace StaticKeras.Saving;

/// <summary>The element types a Keras variable is stored with (Keras's dtype names).</summary>
public enum KerasDType
{
    /// <summary><c>float32</c>: weights, biases, optimizer slots.</summary>
    Float32,

    /// <summary><c>float64</c>.</summary>
    Float64,

    /// <summary><c>int32</c>.</summary>
    Int32,

    /// <summary><c>uint32</c>: Keras 3's <c>SeedGenerator</c> state.</summary>
    UInt32,

    /// <summary><c>int64</c>: the optimizer's <c>iterations</c> counter.</summary>
    Int64,

    /// <summary><c>uint64</c>: random stream states in a checkpoint.</summary>
    UInt64,
}

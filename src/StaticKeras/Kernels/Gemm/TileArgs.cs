namespace StaticKeras.Kernels;

/// <summary>
/// One micro-kernel call: <c>C[rows, width] (+)= A[rows, depth] · B[depth, width]</c>, then
/// <c>+ bias</c> and ReLU when asked. The driver fills it and moves the pointers from tile to tile.
/// </summary>
/// <remarks>
/// A is read with two strides, so the same kernel serves a row-major A (<c>ARow = lda</c>,
/// <c>AStep = 1</c>) and a transposed one (<c>ARow = 1</c>, <c>AStep = lda</c>) without packing.
/// B must be contiguous along the columns: a row of a row-major matrix or a packed panel.
/// </remarks>
internal unsafe struct TileArgs
{
    /// <summary>A's first element of the tile.</summary>
    public float* A;

    /// <summary>Floats between A's rows.</summary>
    public nint ARow;

    /// <summary>Floats between A's consecutive depth elements.</summary>
    public nint AStep;

    /// <summary>B's first element of the tile.</summary>
    public float* B;

    /// <summary>Floats between B's consecutive depth rows.</summary>
    public nint BStep;

    /// <summary>The depth of this block (the kernel's loop count).</summary>
    public int Depth;

    /// <summary>C's first element of the tile.</summary>
    public float* C;

    /// <summary>Floats between C's rows.</summary>
    public nint Ldc;

    /// <summary>Start from C's values (accumulate, or a later depth block) instead of zero.</summary>
    public bool LoadC;

    /// <summary>Bias for the tile's columns (the last depth block of a fused epilogue), or null.</summary>
    public float* Bias;

    /// <summary>Apply ReLU after the bias (the last depth block of a fused epilogue).</summary>
    public bool Relu;
}

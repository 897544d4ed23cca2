namespace StaticKeras.Kernels;

/// <summary>
/// One product <c>C[m, n] (+)= A[m, k] · B[k, n]</c> over strided operands, with an optional
/// bias + activation epilogue. Every operand is addressed by two strides, so transposes,
/// sub-matrices (a gate's slice of a recurrent weight) and im2col views need no copy.
/// </summary>
internal unsafe struct GemmProblem
{
    /// <summary>A: element <c>(i, p)</c> is at <c>A[i·ARow + p·ACol]</c>.</summary>
    public float* A;

    /// <summary>A's row stride in floats.</summary>
    public nint ARow;

    /// <summary>A's column (depth) stride in floats.</summary>
    public nint ACol;

    /// <summary>B: element <c>(p, j)</c> is at <c>B[p·BRow + j·BCol]</c>.</summary>
    public float* B;

    /// <summary>B's row (depth) stride in floats.</summary>
    public nint BRow;

    /// <summary>B's column stride in floats; 1 lets the kernel read B in place.</summary>
    public nint BCol;

    /// <summary>C: element <c>(i, j)</c> is at <c>C[i·Ldc + j]</c>.</summary>
    public float* C;

    /// <summary>C's row stride in floats.</summary>
    public nint Ldc;

    /// <summary>Rows of C.</summary>
    public int M;

    /// <summary>Columns of C.</summary>
    public int N;

    /// <summary>The depth (reduction length).</summary>
    public int K;

    /// <summary>Add to C instead of overwriting it.</summary>
    public bool Accumulate;

    /// <summary>Bias added to every row (<c>n</c> floats), or null.</summary>
    public float* Bias;

    /// <summary>The activation applied after the bias (elementwise only: softmax needs whole rows).</summary>
    public GemmActivation Activation;

    /// <summary>
    /// When set, A is never read in place: this function gathers each row tile of A for one depth
    /// block into the driver's packing buffer and points the tile at it (an implicit GEMM, such as
    /// convolution patches packed straight from the input). <see cref="A"/>, <see cref="ARow"/>
    /// and <see cref="ACol"/> are then unused. Arguments: the problem, the first row, the rows,
    /// the first depth index, the depth, the destination (room for
    /// <see cref="GemmBlocking.MaxTileRows"/> × <see cref="GemmPacking.PaddedStride"/>(depth) floats), the tile.
    /// </summary>
    public delegate*<in GemmProblem, int, int, int, int, float*, ref TileArgs, void> GatherA;

    /// <summary>Whether A is gathered (<see cref="GatherA"/> is set).</summary>
    public readonly bool GathersA => GatherA != null;

    /// <summary>What <see cref="GatherA"/> reads (for a convolution: its input, geometry and group).</summary>
    public void* GatherContext;
}

namespace StaticKeras.Kernels;

/// <summary>
/// A compile-time row count for a micro-kernel. The JIT specialises a generic kernel for each
/// struct, folds <see cref="Value"/> to a constant and drops the rows past it, so one source
/// yields every tile height without a per-row branch in the inner loop.
/// </summary>
internal interface IRowCount
{
    /// <summary>Rows of the tile.</summary>
    static abstract int Value { get; }
}

/// <summary>One row.</summary>
internal readonly struct Rows1 : IRowCount
{
    public static int Value => 1;
}

/// <summary>Two rows.</summary>
internal readonly struct Rows2 : IRowCount
{
    public static int Value => 2;
}

/// <summary>Four rows.</summary>
internal readonly struct Rows4 : IRowCount
{
    public static int Value => 4;
}

/// <summary>Six rows (the full Vector256 tile).</summary>
internal readonly struct Rows6 : IRowCount
{
    public static int Value => 6;
}

/// <summary>Eight rows.</summary>
internal readonly struct Rows8 : IRowCount
{
    public static int Value => 8;
}

/// <summary>Twelve rows (the full Vector512 tile).</summary>
internal readonly struct Rows12 : IRowCount
{
    public static int Value => 12;
}

namespace StaticKeras.Kernels;

/// <summary>Vectors per tile row, as a compile-time constant (see <see cref="IRowCount"/>).</summary>
internal interface IColumnCount
{
    /// <summary>1 for a half tile, 2 for a full one.</summary>
    static abstract int Vectors { get; }
}

/// <summary>A half tile: one vector per row.</summary>
internal readonly struct OneVector : IColumnCount
{
    public static int Vectors => 1;
}

/// <summary>A full tile: two vectors per row.</summary>
internal readonly struct TwoVectors : IColumnCount
{
    public static int Vectors => 2;
}

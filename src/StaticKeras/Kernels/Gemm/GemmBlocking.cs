namespace StaticKeras.Kernels;

/// <summary>
/// Cache blocking of the GEMM driver, sized for a core with a 48 KB L1 and a 1 MB L2 (Zen 4/5,
/// recent Intel): a tile's A rows for one depth block stay in L1 while the packed B block
/// (<see cref="MaxDepth"/> × <see cref="MaxColumns"/>, 1 MB at most) streams from L2. A longer
/// depth block means fewer passes over C, which matters once C outgrows L2 and both cores
/// stream their halves of it: at 1024³ on two threads, 512 measured 79.5% of the FMA peak
/// (median of seven alternating runs) against 70.1% for 384, the same on one thread, and the
/// same on the MLP's shapes. 256 measured slower than 384 at 1024³.
/// </summary>
internal static class GemmBlocking
{
    /// <summary>The longest depth block (KC). Depth is split into equal blocks no longer than this.</summary>
    public const int MaxDepth = 512;

    /// <summary>The widest column block packed at once (NC), a multiple of every kernel's width.</summary>
    public const int MaxColumns = 512;

    /// <summary>The tallest tile of any kernel (MR of the Vector512 kernel).</summary>
    public const int MaxTileRows = 12;

    /// <summary>The widest tile of any kernel (NR of the Vector512 kernel).</summary>
    public const int MaxTileWidth = 32;

    /// <summary>
    /// Up to this many rows, B is read in place (row-major, unpacked): each B element is then used
    /// by so few tiles that packing it costs more than the strided loads.
    /// </summary>
    public const int DirectRows = 48;
}

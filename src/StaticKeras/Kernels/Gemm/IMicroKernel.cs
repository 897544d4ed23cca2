namespace StaticKeras.Kernels;

/// <summary>
/// A register-blocked GEMM micro-kernel for one instruction set. The driver is generic over it,
/// so the blocking, packing, edges and threading are written once for Vector512, Vector256 and
/// scalar code.
/// </summary>
internal unsafe interface IMicroKernel
{
    /// <summary>Whether the hardware runs this kernel natively.</summary>
    static abstract bool IsSupported { get; }

    /// <summary>Rows of a full tile (MR).</summary>
    static abstract int Rows { get; }

    /// <summary>Columns of a full tile (NR); a half tile has half as many.</summary>
    static abstract int Width { get; }

    /// <summary>Computes one tile of <paramref name="rows"/> (1..<see cref="Rows"/>) rows, full or half width.</summary>
    static abstract void Tile(int rows, bool half, ref TileArgs t);
}

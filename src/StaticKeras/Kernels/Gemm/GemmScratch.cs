using System;
using StaticKeras.Tensors;

namespace StaticKeras.Kernels;

/// <summary>
/// Per-thread packing memory for the GEMM driver: the packed B block, an edge tile and a padded
/// bias. Allocated once per thread at the largest block size, so steady-state calls allocate
/// nothing, and pinned, so the driver can hold raw pointers into it.
/// </summary>
internal sealed unsafe class GemmScratch
{
    [ThreadStatic]
    private static GemmScratch? current;

    private readonly AlignedBuffer packed;
    private readonly AlignedBuffer edge;
    private readonly AlignedBuffer packedA;

    private GemmScratch()
    {
        packed = new AlignedBuffer(GemmBlocking.MaxDepth * (GemmBlocking.MaxColumns + GemmBlocking.MaxTileWidth));
        edge = new AlignedBuffer(2 * GemmBlocking.MaxTileRows * GemmBlocking.MaxTileWidth);
        packedA = new AlignedBuffer(GemmBlocking.MaxTileRows * (int)GemmPacking.PaddedStride(GemmBlocking.MaxDepth));
    }

    /// <summary>Room for a packed <c>depth × columns</c> block of B, panel after panel.</summary>
    public float* PackedB => Pointer(packed);

    /// <summary>Room for one packed row tile of A (<c>rows × depth</c>, depth-major).</summary>
    public float* PackedA => Pointer(packedA);

    /// <summary>Room for one edge tile of C (<c>rows × width</c>).</summary>
    public float* EdgeTile => Pointer(edge);

    /// <summary>Room for a zero-padded bias of one tile's width.</summary>
    public float* EdgeBias => Pointer(edge) + (GemmBlocking.MaxTileRows * GemmBlocking.MaxTileWidth);

    /// <summary>The calling thread's scratch.</summary>
    public static GemmScratch ForThread() => current ??= new GemmScratch();

    // The buffers are pinned (GC.AllocateArray pinned: true), so the address is stable.
    private static float* Pointer(AlignedBuffer buffer)
    {
        fixed (float* p = buffer.Span)
        {
            return p;
        }
    }
}

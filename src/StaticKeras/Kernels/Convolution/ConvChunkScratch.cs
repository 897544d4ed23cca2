using System;
using StaticKeras.Tensors;

namespace StaticKeras.Kernels;

/// <summary>
/// A thread's patch chunk for <see cref="ChunkedProducts"/>: pinned, per thread (each thread
/// builds its own chunks), and grown only when a wider convolution needs more, as the GEMM's
/// packing buffers are; steady-state calls allocate nothing.
/// </summary>
internal static unsafe class ConvChunkScratch
{
    [ThreadStatic]
    private static AlignedBuffer? current;

    /// <summary>The calling thread's chunk, at least <paramref name="floats"/> long.</summary>
    public static float* ForThread(int floats)
    {
        AlignedBuffer buffer = current ??= new AlignedBuffer(floats);
        buffer.EnsureLength(floats);
        fixed (float* p = buffer.Span)
        {
            return p; // pinned (GC.AllocateArray pinned: true), so the address stays valid
        }
    }
}

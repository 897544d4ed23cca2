using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace StaticKeras.Kernels;

/// <summary>
/// Software prefetch of the next C tile while the current one computes: with C larger than the
/// caches, a tile's loads (a later depth block) and stores otherwise stall on memory at its start.
/// </summary>
internal static unsafe class GemmPrefetch
{
    /// <summary>Asks for the lines of a <c>rows × width</c> tile at <paramref name="c"/>; a no-op off x86.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Tile(float* c, nint ldc, int rows, int width)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        for (int r = 0; r < rows; r++)
        {
            float* row = c + (r * ldc);
            Sse.Prefetch0(row);
            Sse.Prefetch0(row + width - 1);
        }
    }
}

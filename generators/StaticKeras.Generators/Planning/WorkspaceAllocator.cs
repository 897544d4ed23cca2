using System.Collections.Generic;
using System.Linq;

namespace StaticKeras.Generators.Planning;

/// <summary>
/// Places workspace storages by liveness: two storages share memory when their live spans do not
/// overlap. Largest first, each at the lowest 16-float-aligned offset that collides with nothing
/// live at the same time. The workspace starts with a fixed region for buffers of constant size;
/// the per-sample region follows it, its offsets scaled by the batch, so every placement holds at
/// any batch size.
/// </summary>
internal static class WorkspaceAllocator
{
    /// <summary>The alignment of every offset, in floats: 16 floats are one 64-byte Vector512.</summary>
    public const int Alignment = 16;

    /// <summary>Sets <see cref="Storage.Offset"/> on each workspace storage; returns the fixed floats and the floats per sample.</summary>
    public static (int FixedFloats, int FloatsPerSample) Allocate(IReadOnlyList<Storage> storages)
    {
        IEnumerable<Storage> live = storages.Where(s => s.Source == BufferSource.Workspace && s.End >= 0);
        return (Place(live.Where(s => !s.PerSample)), Place(live.Where(s => s.PerSample)));
    }

    public static int Align(int floats) => (floats + Alignment - 1) / Alignment * Alignment;

    private static int Place(IEnumerable<Storage> storages)
    {
        var placed = new List<Storage>();
        int total = 0;
        foreach (Storage storage in storages.OrderByDescending(s => s.Size).ThenBy(s => s.Start))
        {
            int offset = 0;
            foreach (Storage other in placed.Where(p => p.OverlapsInTime(storage)).OrderBy(p => p.Offset))
            {
                if (offset + storage.Size <= other.Offset)
                {
                    break;
                }

                offset = System.Math.Max(offset, Align(other.Offset + other.Size));
            }

            storage.Offset = offset;
            placed.Add(storage);
            total = System.Math.Max(total, Align(offset + storage.Size));
        }

        return total;
    }
}

using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Runs one <see cref="GemmProblem"/> on a rectangle of C per chunk: by column panels when there
/// are enough of them (each thread then packs only its own part of B), else by row tiles.
/// </summary>
internal sealed class GemmJob : ParallelJob
{
    /// <summary>The one instance, used while <see cref="KernelWorkers"/> is taken (one job at a time).</summary>
    public static readonly GemmJob Shared = new();

    /// <summary>Multiply-adds from which a product is split into one chunk per thread, not four.</summary>
    private const long LargeWork = 1L << 26;

    private GemmProblem problem;
    private GemmKernelKind kernel;
    private bool byColumns;

    /// <summary>How many chunks a problem is worth on <paramref name="threads"/> threads; 1 runs it on the caller.</summary>
    public static int Chunks(in GemmProblem g, GemmKernelKind kernel, int threads, out bool byColumns)
    {
        (int rows, int width) = Tile(kernel);
        int panels = (g.N + width - 1) / width;
        int tiles = (g.M + rows - 1) / rows;
        // A gathered A (convolution patches) costs more to pack than B: every column chunk would
        // gather all of it again, so such products split by rows while there are rows to split.
        byColumns = g.GathersA ? tiles < threads && panels > tiles : panels >= threads || panels >= tiles;
        if (threads <= 1 || (long)g.M * g.N * g.K < GemmRunner.ParallelWork)
        {
            return 1;
        }

        // Column chunks pack disjoint parts of B, so a few extra ones cost little and let the
        // caller take over the work of a worker the OS has not scheduled yet. Large products, and
        // those whose A must be packed, get one per thread: every column chunk re-reads (and
        // re-packs) all of A. Row chunks each pack all of B, so there is one per thread.
        int perThread = (long)g.M * g.N * g.K >= LargeWork || GemmPacking.ShouldPackA(g, panels) ? 1 : 4;
        return byColumns ? Math.Min(panels, perThread * threads) : Math.Min(threads, tiles);
    }

    /// <summary>Loads the problem for the next <see cref="KernelWorkers.Run"/>.</summary>
    public void Set(in GemmProblem g, GemmKernelKind kind, bool columns)
    {
        problem = g;
        kernel = kind;
        byColumns = columns;
    }

    /// <inheritdoc/>
    public override void Execute(int chunk, int chunks)
    {
        (int rows, int width) = Tile(kernel);
        if (byColumns)
        {
            int panels = (problem.N + width - 1) / width;
            int first = chunk * panels / chunks, last = (chunk + 1) * panels / chunks;
            GemmRunner.Run(problem, kernel, 0, problem.M, first * width, Math.Min(last * width, problem.N));
        }
        else
        {
            int tiles = (problem.M + rows - 1) / rows;
            int first = chunk * tiles / chunks, last = (chunk + 1) * tiles / chunks;
            GemmRunner.Run(problem, kernel, first * rows, Math.Min(last * rows, problem.M), 0, problem.N);
        }
    }

    private static (int Rows, int Width) Tile(GemmKernelKind kernel) => kernel switch
    {
        GemmKernelKind.Vector512 => (MicroKernel512.Rows, MicroKernel512.Width),
        GemmKernelKind.Vector256 => (MicroKernel256.Rows, MicroKernel256.Width),
        GemmKernelKind.Vector128 => (MicroKernel128.Rows, MicroKernel128.Width),
        _ => (MicroKernelScalar.Rows, MicroKernelScalar.Width),
    };
}

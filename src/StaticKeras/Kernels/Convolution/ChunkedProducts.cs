using System;
using System.Numerics.Tensors;

namespace StaticKeras.Kernels;

/// <summary>
/// The convolution products that go through patch chunks (im2col, col2im), run as one parallel
/// region per call: each thread takes whole chunks, builds their patches in its own scratch
/// (<see cref="ConvChunkScratch"/>) and multiplies them on its own, instead of every chunk's GEMM
/// being split across the threads, which opened a parallel region per chunk (eight or nine per
/// call), each a wait for a worker a loaded machine may not be running.
/// </summary>
/// <remarks>
/// A chunk's rows do not depend on how the pixels are cut into chunks, so the forward product
/// and the input gradient (whose chunks are whole samples, so no two scatter into one input) give
/// the bits of a sequential run. The kernel gradient sums over every pixel: each of a fixed
/// number of partitions of the pixels (<see cref="Partitions"/>, set by the geometry and the batch,
/// not the threads) sums its chunks in order into its own partial kernel, and the partials are
/// added in order at the end.
/// </remarks>
internal static unsafe class ChunkedProducts
{
    /// <summary>Floats the partial kernels of one call may take (1 MB).</summary>
    private const int PartialBudget = 1 << 18;

    /// <summary>The most partial kernels of a kernel gradient.</summary>
    public static int MaxPartitions(in ConvGeometry g) => Math.Clamp(PartialBudget / g.KernelSize, 1, 8);

    /// <summary>Partitions of the pixels in the kernel gradient: one per chunk, up to <see cref="MaxPartitions"/>.</summary>
    public static int Partitions(in ConvGeometry g, int pixels) => Math.Clamp((pixels + ConvProducts.ChunkPixels(g) - 1) / ConvProducts.ChunkPixels(g), 1, MaxPartitions(g));

    /// <summary>Whether the input gradient can run chunks of whole samples (a sample's patches fit one chunk).</summary>
    public static bool SampleChunks(in ConvGeometry g) => g.OutputPixels <= ConvProducts.ChunkPixels(g);

    /// <summary>The forward product of group <paramref name="group"/>: <c>y = P·W</c> with the problem's epilogue, chunk by chunk.</summary>
    public static void Forward(in ConvGeometry g, int batch, float* x, in GemmProblem product, int group, in ConvSettings run)
    {
        int pixels = batch * g.OutputPixels;

        // Chunks no larger than an even share, so every thread has one: a row's sums do not depend on its chunk.
        int chunk = Math.Clamp((pixels + run.Threads - 1) / Math.Max(run.Threads, 1), 16, ConvProducts.ChunkPixels(g));
        var a = new Arguments { G = g, Source = PatchSource.Create(g, x, group), Problem = product, Pixels = pixels, Chunk = chunk, Kernel = run.Kernel };
        RangeJob.Run(&ForwardChunks, &a, (pixels + chunk - 1) / chunk, run.Threads, (long)pixels * g.PatchLength * g.GroupFilters);
    }

    /// <summary>The input gradient <c>dx (+)= col2im(dz·Wᵀ)</c> of every group, chunks of whole samples (<see cref="SampleChunks"/>).</summary>
    public static void InputGradient(in ConvGeometry g, int batch, float* dz, float* kernel, float* dx, bool accumulate, in ConvSettings run)
    {
        int samples = Math.Clamp(ConvProducts.ChunkPixels(g) / g.OutputPixels, 1, Math.Max(1, (batch + run.Threads - 1) / Math.Max(run.Threads, 1)));
        var a = new Arguments { G = g, Dz = dz, KernelWeights = kernel, Dx = dx, Accumulate = accumulate, Chunk = samples, Pixels = batch, Kernel = run.Kernel };
        RangeJob.Run(&InputGradientChunks, &a, (batch + samples - 1) / samples, run.Threads, batch * g.MultiplyAdds);
    }

    /// <summary>The kernel gradient <c>dW = Pᵀ·dz</c> of every group over <paramref name="partitions"/> partials in <paramref name="partials"/>, then their ordered sum.</summary>
    public static void KernelGradient(in ConvGeometry g, int batch, float* x, float* dz, float* dKernel, float* partials, int partitions, in ConvSettings run)
    {
        int pixels = batch * g.OutputPixels;
        var a = new Arguments { G = g, X = x, Dz = dz, Partials = partials, Pixels = pixels, Chunk = ConvProducts.ChunkPixels(g), Partitions = partitions, Kernel = run.Kernel };
        RangeJob.Run(&KernelGradientPartitions, &a, partitions, run.Threads, batch * g.MultiplyAdds);
        var sum = new Span<float>(dKernel, g.KernelSize);
        new ReadOnlySpan<float>(partials, g.KernelSize).CopyTo(sum);
        for (int part = 1; part < partitions; part++)
        {
            TensorPrimitives.Add(sum, new ReadOnlySpan<float>(partials + ((nint)part * g.KernelSize), g.KernelSize), sum);
        }
    }

    private static void ForwardChunks(void* arguments, int first, int last)
    {
        ref Arguments a = ref *(Arguments*)arguments;
        float* patches = ConvChunkScratch.ForThread(ChunkFloats(a.G));
        GemmProblem p = a.Problem;
        bool columns = ConvProducts.UsesColumns(a.G);
        for (int chunk = first; chunk < last; chunk++)
        {
            int start = chunk * a.Chunk, count = Math.Min(a.Chunk, a.Pixels - start);
            p.A = patches;
            if (columns)
            {
                // Transposed patches: the GEMM reads A transposed in place, a tile's rows adjacent at each depth step.
                p.ARow = 1;
                p.ACol = ConvProducts.ColumnStride(a.G);
                ConvPatches.GatherColumns(a.Source, start, count, p.ACol, patches);
            }
            else
            {
                p.ARow = a.G.PatchLength;
                p.ACol = 1;
                ConvPatches.Gather(a.Source, start, count, patches);
            }

            p.C = a.Problem.C + ((nint)start * a.G.Filters);
            p.M = count;
            GemmRunner.Run(p, a.Kernel, 0, count, 0, p.N);
        }
    }

    private static void InputGradientChunks(void* arguments, int first, int last)
    {
        ref Arguments a = ref *(Arguments*)arguments;
        ConvGeometry g = a.G;
        float* columns = ConvChunkScratch.ForThread(ChunkFloats(g));
        for (int chunk = first; chunk < last; chunk++)
        {
            int sample = chunk * a.Chunk, samples = Math.Min(a.Chunk, a.Pixels - sample);
            if (!a.Accumulate)
            {
                new Span<float>(a.Dx + ((nint)sample * g.InputSize), samples * g.InputSize).Clear();
            }

            int start = sample * g.OutputPixels, count = samples * g.OutputPixels;
            for (int group = 0; group < g.Groups; group++)
            {
                GemmProblem p = default;
                p.A = a.Dz + ((nint)start * g.Filters) + (group * g.GroupFilters);
                p.ARow = g.Filters;
                p.ACol = 1;
                p.B = a.KernelWeights + (group * g.GroupFilters);
                p.BRow = 1;
                p.BCol = g.Filters;
                p.C = columns;
                p.Ldc = g.PatchLength;
                p.M = count;
                p.N = g.PatchLength;
                p.K = g.GroupFilters;
                GemmRunner.Run(p, a.Kernel, 0, count, 0, p.N);
                ConvPatches.Scatter(PatchSource.Create(g, a.Dx, group), start, count, columns);
            }
        }
    }

    private static void KernelGradientPartitions(void* arguments, int first, int last)
    {
        ref Arguments a = ref *(Arguments*)arguments;
        ConvGeometry g = a.G;
        float* patches = ConvChunkScratch.ForThread(ChunkFloats(g));
        bool columns = ConvProducts.UsesColumns(g);
        for (int part = first; part < last; part++)
        {
            int begin = (int)((long)part * a.Pixels / a.Partitions), end = (int)((long)(part + 1) * a.Pixels / a.Partitions);
            float* partial = a.Partials + ((nint)part * g.KernelSize);
            for (int group = 0; group < g.Groups; group++)
            {
                GemmProblem p = default;
                p.A = patches;
                p.ARow = columns ? ConvProducts.ColumnStride(g) : 1;
                p.ACol = columns ? 1 : g.PatchLength;
                p.BRow = g.Filters;
                p.BCol = 1;
                p.C = partial + (group * g.GroupFilters);
                p.Ldc = g.Filters;
                p.M = g.PatchLength;
                p.N = g.GroupFilters;
                PatchSource source = PatchSource.Create(g, a.X, group);

                // The partition's chunks in ascending order, each added to the last.
                for (int start = begin; start < end; start += a.Chunk)
                {
                    int count = Math.Min(a.Chunk, end - start);
                    if (columns)
                    {
                        ConvPatches.GatherColumns(source, start, count, p.ARow, patches);
                    }
                    else
                    {
                        ConvPatches.Gather(source, start, count, patches);
                    }

                    p.B = a.Dz + ((nint)start * g.Filters) + (group * g.GroupFilters);
                    p.K = count;
                    p.Accumulate = start > begin;
                    GemmRunner.Run(p, a.Kernel, 0, p.M, 0, p.N);
                }
            }
        }
    }

    /// <summary>Floats of one thread's patch chunk.</summary>
    private static int ChunkFloats(in ConvGeometry g) =>
        ConvProducts.UsesColumns(g) ? (int)ConvProducts.ColumnStride(g) * g.PatchLength : ConvProducts.ChunkPixels(g) * g.PatchLength;

    /// <summary>One call's operands (each pass uses some), on the caller's stack for the workers to read.</summary>
    private struct Arguments
    {
        public ConvGeometry G;
        public PatchSource Source;
        public GemmProblem Problem;
        public float* X;
        public float* Dz;
        public float* Dx;
        public float* KernelWeights;
        public float* Partials;
        public int Pixels;
        public int Chunk;
        public int Partitions;
        public bool Accumulate;
        public GemmKernelKind Kernel;
    }
}

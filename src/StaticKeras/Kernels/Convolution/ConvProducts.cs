using System;

namespace StaticKeras.Kernels;

/// <summary>
/// A convolution's three products as GEMMs, one per group, over the im2col matrix
/// <c>P (pixels × patchLength)</c> of <see cref="PatchSource"/> and the kernel seen as
/// <c>W (patchLength × filters)</c> (Keras's layout, unchanged):
/// forward <c>y = P·W</c>, kernel gradient <c>dW = Pᵀ·dz</c>, input gradient <c>dx = col2im(dz·Wᵀ)</c>.
/// </summary>
/// <remarks>
/// A 3×3 unit-stride convolution with 16 channels and filters or more goes through Winograd's
/// products instead, forward and for the input gradient (<see cref="WinogradProducts"/>).
/// Otherwise P is never held whole: forward, the GEMM gathers each row tile of P straight into its packing
/// buffer (<see cref="ConvPatches.GatherTile"/>, an implicit GEMM), or, with
/// <see cref="ConvAlgorithm.Im2Col"/>, P is built chunk by chunk in scratch; for one input
/// channel it is built transposed, chunk by chunk (<see cref="UsesColumns"/>). The kernel and input
/// gradients go chunk by chunk through scratch (<see cref="ChunkPixels"/> rows), each thread
/// taking whole chunks (<see cref="ChunkedProducts"/>). A 1×1
/// convolution with unit strides and no padding reads x (or writes dx) in place. Every output
/// element sums its terms in an order fixed by the geometry, so any thread count gives the same bits.
/// </remarks>
internal static unsafe class ConvProducts
{
    /// <summary>Floats of patch rows one chunk may hold (512 KB: a chunk and what it multiplies stay in L2).</summary>
    private const int ChunkBudget = 1 << 17;

    /// <summary>Patch rows (output pixels) per chunk of the chunked products.</summary>
    public static int ChunkPixels(in ConvGeometry g) => Math.Clamp(ChunkBudget / g.PatchLength, 16, UsesColumns(g) ? 4096 : 512);

    /// <summary>Floats between patch columns in the transposed layout: an odd number of cache lines, so a tile's rows do not share L1 sets.</summary>
    public static nint ColumnStride(in ConvGeometry g) => GemmPacking.PaddedStride(ChunkPixels(g));

    /// <summary>Floats of scratch any product of the geometry uses: patch chunks, partial kernel gradients, or the transformed (and flipped) kernel of Winograd's products.</summary>
    public static int ScratchFloats(in ConvGeometry g) =>
        Math.Max(
            Math.Max(PatchScratch(g), IsPointwise(g) || DepthwiseProducts.Applies(g) ? 0 : ChunkedProducts.MaxPartitions(g) * g.KernelSize),
            WinogradProducts.Applies(g) ? (9 * g.Channels * g.Filters) + PreparedKernelFloats(g) : 0);

    /// <summary>Floats of patch scratch the chunked products use.</summary>
    private static int PatchScratch(in ConvGeometry g) =>
        IsPointwise(g) || DepthwiseProducts.Applies(g) ? 0 : UsesColumns(g) ? (int)ColumnStride(g) * g.PatchLength : ChunkPixels(g) * g.PatchLength;

    /// <summary>
    /// Whether patches are built transposed (<see cref="ConvPatches.GatherColumns"/>): for one
    /// input channel and unit strides across the width, where a patch row would be a float per tap.
    /// </summary>
    public static bool UsesColumns(in ConvGeometry g) => g.Channels == 1 && g.StrideWidth == 1 && !IsPointwise(g);

    /// <summary>Whether P is x itself: a 1×1 kernel, unit strides, no padding.</summary>
    public static bool IsPointwise(in ConvGeometry g) =>
        g.Taps == 1 && g.StrideHeight == 1 && g.StrideWidth == 1 && g.PadTop == 0 && g.PadBottom == 0 && g.PadLeft == 0 && g.PadRight == 0;

    /// <summary><c>y (+)= relu?(P·W + bias)</c> for every group.</summary>
    public static void Forward(in ConvGeometry g, int batch, float* x, float* kernel, float* bias, float* y, bool relu, bool accumulate, float* scratch, in ConvSettings run)
    {
        if (DepthwiseProducts.Applies(g))
        {
            DepthwiseProducts.Forward(g, batch, x, kernel, bias, y, relu, accumulate, run.Threads);
            return;
        }

        if (UsesWinograd(g, run))
        {
            float* u = run.Prepared;
            if (u == null || run.Algorithm != ConvAlgorithm.Automatic)
            {
                u = scratch;
                PrepareWinogradKernel(g, kernel, u, run.Algorithm);
            }

            WinogradForward(g, batch, x, u, bias, y, relu, accumulate, run);
            return;
        }

        int pixels = batch * g.OutputPixels;
        for (int group = 0; group < g.Groups; group++)
        {
            GemmProblem p = default;
            p.B = kernel + (group * g.GroupFilters);
            p.BRow = g.Filters;
            p.BCol = 1;
            p.C = y + (group * g.GroupFilters);
            p.Ldc = g.Filters;
            p.M = pixels;
            p.N = g.GroupFilters;
            p.K = g.PatchLength;
            p.Accumulate = accumulate;
            p.Bias = bias == null ? null : bias + (group * g.GroupFilters);
            p.Activation = ConvEpilogue.Gemm(relu);
            PatchSource source = PatchSource.Create(g, x, group);
            if (IsPointwise(g))
            {
                p.A = x + source.ChannelOffset;
                p.ARow = g.Channels;
                p.ACol = 1;
                GemmRunner.Run(p, run.Kernel, run.Threads);
            }
            else if (UsesColumns(g) || run.Algorithm == ConvAlgorithm.Im2Col)
            {
                ChunkedProducts.Forward(g, batch, x, p, group, run);
            }
            else
            {
                p.GatherA = &ConvPatches.GatherTile;
                p.GatherContext = &source;
                GemmRunner.Run(p, run.Kernel, run.Threads);
            }
        }
    }

    /// <summary><c>dW = Pᵀ·dz</c> for every group (overwrites dKernel).</summary>
    public static void KernelGradient(in ConvGeometry g, int batch, float* x, float* dz, float* dKernel, float* scratch, in ConvSettings run)
    {
        if (DepthwiseProducts.Applies(g))
        {
            DepthwiseProducts.KernelGradient(g, batch, x, dz, dKernel);
            return;
        }

        int pixels = batch * g.OutputPixels;
        if (pixels == 0)
        {
            new Span<float>(dKernel, g.KernelSize).Clear();
            return;
        }

        int partitions = ChunkedProducts.Partitions(g, pixels);
        if (partitions > 1 && !IsPointwise(g))
        {
            ChunkedProducts.KernelGradient(g, batch, x, dz, dKernel, scratch, partitions, run);
            return;
        }

        // One partition (a batch within one chunk, or a kernel too large for partial copies):
        // the chunks in order, each GEMM split across the threads.
        int chunk = ChunkPixels(g);
        for (int group = 0; group < g.Groups; group++)
        {
            GemmProblem p = default;
            p.ARow = 1;
            p.BRow = g.Filters;
            p.BCol = 1;
            p.C = dKernel + (group * g.GroupFilters);
            p.Ldc = g.Filters;
            p.M = g.PatchLength;
            p.N = g.GroupFilters;
            PatchSource source = PatchSource.Create(g, x, group);
            if (IsPointwise(g))
            {
                p.A = x + source.ChannelOffset;
                p.ACol = g.Channels;
                p.B = dz + (group * g.GroupFilters);
                p.K = pixels;
                GemmRunner.Run(p, run.Kernel, run.Threads);
                continue;
            }

            // Depth chunks in ascending order, each added to the last: the same sums for any split of C.
            bool columns = UsesColumns(g);
            p.A = scratch;
            p.ARow = columns ? ColumnStride(g) : 1;
            p.ACol = columns ? 1 : g.PatchLength;
            for (int start = 0; start < pixels; start += chunk)
            {
                int count = Math.Min(chunk, pixels - start);
                if (columns)
                {
                    ConvPatches.GatherColumns(source, start, count, p.ARow, scratch);
                }
                else
                {
                    ConvPatches.Gather(source, start, count, scratch);
                }

                p.B = dz + ((nint)start * g.Filters) + (group * g.GroupFilters);
                p.K = count;
                p.Accumulate = start > 0;
                GemmRunner.Run(p, run.Kernel, run.Threads);
            }
        }
    }

    /// <summary><c>dx (+)= col2im(dz·Wᵀ)</c> for every group.</summary>
    public static void InputGradient(in ConvGeometry g, int batch, float* dz, float* kernel, float* dx, bool accumulate, float* scratch, in ConvSettings run)
    {
        if (DepthwiseProducts.Applies(g))
        {
            DepthwiseProducts.InputGradient(g, batch, dz, kernel, dx, accumulate, run.Threads);
            return;
        }

        if (UsesWinograd(g, run))
        {
            InputGradientByWinograd(g, batch, dz, kernel, dx, accumulate, scratch, run);
            return;
        }

        int pixels = batch * g.OutputPixels;
        bool pointwise = IsPointwise(g);
        if (!pointwise && ChunkedProducts.SampleChunks(g))
        {
            ChunkedProducts.InputGradient(g, batch, dz, kernel, dx, accumulate, run);
            return;
        }

        if (!accumulate && !pointwise)
        {
            new Span<float>(dx, batch * g.InputSize).Clear();
        }

        int chunk = ChunkPixels(g);
        for (int group = 0; group < g.Groups; group++)
        {
            GemmProblem p = default;
            p.ARow = g.Filters;
            p.ACol = 1;
            p.B = kernel + (group * g.GroupFilters);
            p.BRow = 1;
            p.BCol = g.Filters;
            p.K = g.GroupFilters;
            PatchSource target = PatchSource.Create(g, dx, group);
            if (pointwise)
            {
                p.A = dz + (group * g.GroupFilters);
                p.C = dx + target.ChannelOffset;
                p.Ldc = g.Channels;
                p.M = pixels;
                p.N = g.GroupChannels;
                p.Accumulate = accumulate;
                GemmRunner.Run(p, run.Kernel, run.Threads);
                continue;
            }

            p.C = scratch;
            p.Ldc = g.PatchLength;
            p.N = g.PatchLength;
            for (int start = 0; start < pixels; start += chunk)
            {
                int count = Math.Min(chunk, pixels - start);
                p.A = dz + ((nint)start * g.Filters) + (group * g.GroupFilters);
                p.M = count;
                GemmRunner.Run(p, run.Kernel, run.Threads);
                ConvPatches.Scatter(target, start, count, scratch);
            }
        }
    }

    /// <summary>Floats of the kernel as the forward pass multiplies by it, when that is not the kernel itself.</summary>
    public static int PreparedKernelFloats(in ConvGeometry g) => WinogradProducts.Applies(g) ? WinogradProducts<WinogradF4>.KernelFloats(g) : 0;

    /// <summary>Writes the forward pass's form of the kernel (see <see cref="PreparedKernelFloats"/>) for the automatic algorithm.</summary>
    public static void PrepareKernel(in ConvGeometry g, float* kernel, float* prepared) => PrepareWinogradKernel(g, kernel, prepared, ConvAlgorithm.Automatic);

    /// <summary>The transformed kernel of the Winograd algorithm <paramref name="algorithm"/> stands for (F(4×4) unless F(2×2) is asked for).</summary>
    private static void PrepareWinogradKernel(in ConvGeometry g, float* kernel, float* prepared, ConvAlgorithm algorithm)
    {
        if (!WinogradProducts.Applies(g))
        {
            return;
        }

        if (algorithm == ConvAlgorithm.Winograd2x2)
        {
            WinogradF2.Kernel(kernel, g.Channels, g.Filters, prepared);
        }
        else
        {
            WinogradF4.Kernel(kernel, g.Channels, g.Filters, prepared);
        }
    }

    /// <summary>Winograd's forward product with F(4×4, 3×3), or F(2×2, 3×3) when <see cref="ConvAlgorithm.Winograd2x2"/> is asked for.</summary>
    private static void WinogradForward(in ConvGeometry g, int batch, float* x, float* u, float* bias, float* y, bool relu, bool accumulate, in ConvSettings run)
    {
        if (run.Algorithm == ConvAlgorithm.Winograd2x2)
        {
            WinogradProducts<WinogradF2>.Forward(g, batch, x, u, bias, y, relu, accumulate, run);
        }
        else
        {
            WinogradProducts<WinogradF4>.Forward(g, batch, x, u, bias, y, relu, accumulate, run);
        }
    }

    /// <summary>Whether the settings and the geometry call for Winograd's products.</summary>
    private static bool UsesWinograd(in ConvGeometry g, in ConvSettings run) =>
        (run.Algorithm is ConvAlgorithm.Automatic or ConvAlgorithm.Winograd2x2 or ConvAlgorithm.Winograd4x4) && WinogradProducts.Applies(g);

    /// <summary>
    /// The input gradient of a 3×3 unit-stride convolution is the full correlation of dz with the
    /// flipped kernel, its channels exchanged: a forward convolution from the output back to the
    /// input with padding <c>2 − pad</c> on each side, run by Winograd's products.
    /// </summary>
    private static void InputGradientByWinograd(in ConvGeometry g, int batch, float* dz, float* kernel, float* dx, bool accumulate, float* scratch, in ConvSettings run)
    {
        var back = new ConvGeometry(g.OutputHeight, g.OutputWidth, g.Filters, g.Channels, 3, 3, 1, 1, 1, 1, 2 - g.PadTop, 2 - g.PadBottom, 2 - g.PadLeft, 2 - g.PadRight);
        float* flipped = scratch, u = scratch + (9 * g.Channels * g.Filters);
        WinogradKernelTransform.FlipAndTranspose(kernel, g.Channels, g.Filters, flipped);
        PrepareWinogradKernel(back, flipped, u, run.Algorithm);
        WinogradForward(back, batch, dz, u, null, dx, relu: false, accumulate, run);
    }
}

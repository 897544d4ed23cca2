namespace StaticKeras.Kernels;

/// <summary>How a convolution call runs: the GEMM micro-kernel, the thread count, the algorithm, and a prepared kernel.</summary>
internal readonly unsafe struct ConvSettings
{
    /// <summary>Settings for one call.</summary>
    /// <param name="kernel">The GEMM micro-kernel.</param>
    /// <param name="threads">Threads a product may use.</param>
    /// <param name="algorithm">The forward (and input-gradient) algorithm; tests and benchmarks force each.</param>
    public ConvSettings(GemmKernelKind kernel, int threads, ConvAlgorithm algorithm = ConvAlgorithm.Automatic)
    {
        Kernel = kernel;
        Threads = threads;
        Algorithm = algorithm;
    }

    /// <summary>This machine's kernel on <see cref="KernelOptions.Threads"/>, the algorithm chosen by geometry.</summary>
    public static ConvSettings Current => new(GemmRunner.Kernel, KernelOptions.Threads);

    /// <summary>The GEMM micro-kernel.</summary>
    public GemmKernelKind Kernel { get; init; }

    /// <summary>Threads a product may use.</summary>
    public int Threads { get; init; }

    /// <summary>The forward (and input-gradient) algorithm.</summary>
    public ConvAlgorithm Algorithm { get; init; }

    /// <summary>The kernel already in the forward pass's form (<see cref="ConvProducts.PrepareKernel"/>), or null to prepare it per call.</summary>
    public float* Prepared { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Kernel}, {Threads} threads, {Algorithm}";
}

/// <summary>
/// How the forward product and the input gradient are computed. Depthwise and 1×1 geometries
/// always take their own paths; the others follow this (a choice that does not apply falls back).
/// </summary>
internal enum ConvAlgorithm
{
    /// <summary>Winograd F(4×4, 3×3) where it applies, else patches gathered per GEMM tile (or transposed chunks for one channel).</summary>
    Automatic,

    /// <summary>Patches gathered straight into the GEMM's packing buffer, tile by tile; col2im for the input gradient.</summary>
    ImplicitGemm,

    /// <summary>Patches built chunk by chunk in scratch, then multiplied; col2im for the input gradient.</summary>
    Im2Col,

    /// <summary>Winograd's F(2×2, 3×3) (<see cref="WinogradProducts{TTile}"/>, <see cref="WinogradF2"/>).</summary>
    Winograd2x2,

    /// <summary>Winograd's F(4×4, 3×3) (<see cref="WinogradF4"/>), the automatic choice where Winograd applies.</summary>
    Winograd4x4,
}

using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace StaticKeras.Kernels;

/// <summary>Which micro-kernel the GEMM driver runs.</summary>
internal enum GemmKernelKind
{
    /// <summary>Plain loops.</summary>
    Scalar,

    /// <summary>Vector128 tiles (NEON, or SSE with FMA).</summary>
    Vector128,

    /// <summary>Vector256 tiles (AVX2).</summary>
    Vector256,

    /// <summary>Vector512 tiles (AVX-512).</summary>
    Vector512,
}

/// <summary>Chooses the widest kernel the hardware runs natively.</summary>
internal static class GemmKernelSelection
{
    /// <summary>The best kernel for this machine.</summary>
    public static GemmKernelKind Best { get; } =
        Vector512.IsHardwareAccelerated ? GemmKernelKind.Vector512
        : Vector256.IsHardwareAccelerated ? GemmKernelKind.Vector256
        : Vector128.IsHardwareAccelerated && HasVectorFma ? GemmKernelKind.Vector128
        : GemmKernelKind.Scalar;

    /// <summary>
    /// Whether this code may use a vector FMA (a compile-time constant). x64 code compiled without
    /// FMA (pre-Haswell CPUs, a Native AOT build for x86-64-v2) would run each Vector128 FMA as one
    /// C library <c>fmaf</c> call per lane, twice as slow as the scalar kernel's one call per term.
    /// </summary>
    public static bool HasVectorFma => Fma.IsSupported || AdvSimd.IsSupported;
}

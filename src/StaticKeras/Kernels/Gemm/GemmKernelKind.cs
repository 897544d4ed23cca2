using System.Runtime.Intrinsics;

namespace StaticKeras.Kernels;

/// <summary>Which micro-kernel the GEMM driver runs.</summary>
internal enum GemmKernelKind
{
    /// <summary>Plain loops.</summary>
    Scalar,

    /// <summary>Vector128 tiles with a double-precision FMA (x64 code compiled without FMA).</summary>
    Vector128Emulated,

    /// <summary>Vector128 tiles (SSE with FMA, NEON).</summary>
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
        : Vector128.IsHardwareAccelerated ? (Fma128.IsNative ? GemmKernelKind.Vector128 : GemmKernelKind.Vector128Emulated)
        : GemmKernelKind.Scalar;
}

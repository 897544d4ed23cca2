using System.Runtime.Intrinsics;

namespace StaticKeras.Kernels;

/// <summary>Which micro-kernel the GEMM driver runs.</summary>
internal enum GemmKernelKind
{
    /// <summary>Plain loops.</summary>
    Scalar,

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
        : GemmKernelKind.Scalar;
}

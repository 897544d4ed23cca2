using System.Runtime;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AotInference;

/// <summary>
/// What the running code can use next to what the CPU has, and the GEMM kernel it therefore runs. Under the JIT the two agree; under
/// Native AOT the first is fixed when publishing (Simd.props), so this line shows whether the
/// chosen instruction set leaves vector width unused.
/// </summary>
internal static class SimdReport
{
    /// <summary>One line: code kind, vector acceleration, GEMM kernel, CPU features (from CPUID).</summary>
    public static string Describe()
    {
        // PublishAot switches IsDynamicCodeSupported off for JIT runs too; a JIT has compiled methods by now, native AOT has no JIT.
        string code = JitInfo.GetCompiledMethodCount() > 0 ? "JIT" : "native AOT";
        return $"code: {code}; Vector512.IsHardwareAccelerated={Vector512.IsHardwareAccelerated} " +
               $"Vector256.IsHardwareAccelerated={Vector256.IsHardwareAccelerated} " +
               $"Vector128.IsHardwareAccelerated={Vector128.IsHardwareAccelerated}; gemm kernel: {StaticKeras.KernelOptions.GemmKernel}; cpu: {CpuFeatures()}";
    }

    private static string CpuFeatures()
    {
        if (!X86Base.IsSupported)
        {
            return "not x86";
        }

        // CPUID leaf 7, sub-leaf 0: EBX bit 5 is AVX2, bit 16 is AVX-512F.
        (_, int ebx, _, _) = X86Base.CpuId(7, 0);
        bool avx2 = (ebx & (1 << 5)) != 0;
        bool avx512 = (ebx & (1 << 16)) != 0;
        return avx512 ? "AVX-512F, AVX2" : avx2 ? "AVX2" : "no AVX2";
    }
}

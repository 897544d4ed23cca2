// The vector micro-kernels by width: one generic source (VectorMicroKernel) specialised per
// vector width. The scalar fallback is MicroKernelScalar.
global using MicroKernel512 = StaticKeras.Kernels.VectorMicroKernel<StaticKeras.Kernels.Vector512Ops, System.Runtime.Intrinsics.Vector512<float>>;
global using MicroKernel256 = StaticKeras.Kernels.VectorMicroKernel<StaticKeras.Kernels.Vector256Ops, System.Runtime.Intrinsics.Vector256<float>>;
global using MicroKernel128 = StaticKeras.Kernels.VectorMicroKernel<StaticKeras.Kernels.Vector128Ops, System.Runtime.Intrinsics.Vector128<float>>;

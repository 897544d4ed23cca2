using BenchmarkDotNet.Attributes;
using StaticKeras.Kernels;

namespace StaticKeras.Benchmarks.Suites;

/// <summary>
/// The generator's per-layer choice for tiny layers: the tiny model's first Dense (4 → 8, ReLU)
/// through the kernel call the emitter writes, against the fully unrolled straight-line code it
/// could write instead (same fused multiply-adds, in the same order). The kernel call took about
/// half the time (a short run on the 2-core benchmark machine: 44 ns against 92 ns at batch 4,
/// 1.28 µs against 2.63 µs at batch 128): the emitted scalar code cannot match the kernel's vector
/// rows. So the generator emits kernel calls with constant shapes for every layer size, and the
/// kernel picks its small-product path from those shapes.
/// </summary>
public class TinyLayerBenchmarks
{
    private readonly float[] x = GemmFiguresData(4 * 128, 1), w = GemmFiguresData(32, 2), b = GemmFiguresData(8, 3), h = new float[8 * 128];

    [Params(4, 128)]
    public int Batch { get; set; }

    [Benchmark(Baseline = true)]
    public void KernelCall() => DenseKernel.Forward<StaticKeras.Activations.Relu>(x, w, b, h, Batch, 4, 8);

    [Benchmark]
    public void Unrolled()
    {
        ReadOnlySpan<float> w = this.w, b = this.b;
        for (int r = 0; r < Batch; r++)
        {
            ReadOnlySpan<float> xr = x.AsSpan(r * 4, 4);
            Span<float> hr = h.AsSpan(r * 8, 8);
            hr[0] = MathF.Max(MathF.FusedMultiplyAdd(xr[3], w[24], MathF.FusedMultiplyAdd(xr[2], w[16], MathF.FusedMultiplyAdd(xr[1], w[8], MathF.FusedMultiplyAdd(xr[0], w[0], 0f)))) + b[0], 0f);
            hr[1] = MathF.Max(MathF.FusedMultiplyAdd(xr[3], w[25], MathF.FusedMultiplyAdd(xr[2], w[17], MathF.FusedMultiplyAdd(xr[1], w[9], MathF.FusedMultiplyAdd(xr[0], w[1], 0f)))) + b[1], 0f);
            hr[2] = MathF.Max(MathF.FusedMultiplyAdd(xr[3], w[26], MathF.FusedMultiplyAdd(xr[2], w[18], MathF.FusedMultiplyAdd(xr[1], w[10], MathF.FusedMultiplyAdd(xr[0], w[2], 0f)))) + b[2], 0f);
            hr[3] = MathF.Max(MathF.FusedMultiplyAdd(xr[3], w[27], MathF.FusedMultiplyAdd(xr[2], w[19], MathF.FusedMultiplyAdd(xr[1], w[11], MathF.FusedMultiplyAdd(xr[0], w[3], 0f)))) + b[3], 0f);
            hr[4] = MathF.Max(MathF.FusedMultiplyAdd(xr[3], w[28], MathF.FusedMultiplyAdd(xr[2], w[20], MathF.FusedMultiplyAdd(xr[1], w[12], MathF.FusedMultiplyAdd(xr[0], w[4], 0f)))) + b[4], 0f);
            hr[5] = MathF.Max(MathF.FusedMultiplyAdd(xr[3], w[29], MathF.FusedMultiplyAdd(xr[2], w[21], MathF.FusedMultiplyAdd(xr[1], w[13], MathF.FusedMultiplyAdd(xr[0], w[5], 0f)))) + b[5], 0f);
            hr[6] = MathF.Max(MathF.FusedMultiplyAdd(xr[3], w[30], MathF.FusedMultiplyAdd(xr[2], w[22], MathF.FusedMultiplyAdd(xr[1], w[14], MathF.FusedMultiplyAdd(xr[0], w[6], 0f)))) + b[6], 0f);
            hr[7] = MathF.Max(MathF.FusedMultiplyAdd(xr[3], w[31], MathF.FusedMultiplyAdd(xr[2], w[23], MathF.FusedMultiplyAdd(xr[1], w[15], MathF.FusedMultiplyAdd(xr[0], w[7], 0f)))) + b[7], 0f);
        }
    }

    private static float[] GemmFiguresData(int length, int seed) => Figures.GemmFigures.Random(length, seed);
}

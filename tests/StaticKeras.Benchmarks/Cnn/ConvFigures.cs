using StaticKeras.Benchmarks.Figures;
using StaticKeras.Kernels;

namespace StaticKeras.Benchmarks.Cnn;

/// <summary>
/// Each convolution of the peer CNN alone: forward and input gradient by every algorithm that
/// applies, and the kernel gradient, as µs per call, GFLOP/s and a fraction of the FMA peak
/// measured in the same run. FLOPs are a direct convolution's (2 per multiply-add of the
/// definition), so Winograd's products, which multiply less, can pass 100%.
/// </summary>
public static class ConvFigures
{
    /// <summary>The CNN's two convolutions (28×28×1 → 32, 13×13×32 → 64, 3×3 valid).</summary>
    public static readonly (string Name, ConvGeometry Geometry)[] Convolutions =
    [
        ("conv1 28x28x1->32", new ConvGeometry(28, 28, 1, 32, 3, 3)),
        ("conv2 13x13x32->64", new ConvGeometry(13, 13, 32, 64, 3, 3)),
    ];

    public static void Run(int threads, double peak, int[] batches)
    {
        foreach ((string name, ConvGeometry g) in Convolutions)
        {
            foreach (int batch in batches)
            {
                var data = new ConvData(g, batch);
                int samples = Math.Max(20, (int)(2e8 / (g.MultiplyAdds * batch)));
                var current = ConvSettings.Current;
                foreach (ConvAlgorithm algorithm in Algorithms(g))
                {
                    var settings = current with { Algorithm = algorithm };
                    Report(threads, peak, name, $"forward {algorithm}", batch, g, Time(() => data.Forward(settings), samples));
                }

                Report(threads, peak, name, "kernel gradient", batch, g, Time(() => data.KernelGradient(current), samples));
                foreach (ConvAlgorithm algorithm in Algorithms(g))
                {
                    var settings = current with { Algorithm = algorithm };
                    Report(threads, peak, name, $"input gradient {algorithm}", batch, g, Time(() => data.InputGradient(settings), samples));
                }
            }
        }
    }

    /// <summary>One round of every path (the console mode's warm-up runs rounds with pauses, so tiered compilation promotes them).</summary>
    public static void WarmUp()
    {
        foreach ((_, ConvGeometry g) in Convolutions)
        {
            var data = new ConvData(g, 2);
            var current = ConvSettings.Current;
            for (int i = 0; i < 200; i++)
            {
                foreach (ConvAlgorithm algorithm in Algorithms(g))
                {
                    data.Forward(current with { Algorithm = algorithm });
                    data.InputGradient(current with { Algorithm = algorithm });
                }

                data.KernelGradient(current);
            }
        }
    }

    /// <summary>The algorithms that differ for this geometry (one-channel inputs have one GEMM path; Winograd needs 3×3 unit strides). For the input gradient, ImplicitGemm and Im2Col both mean col2im.</summary>
    private static ConvAlgorithm[] Algorithms(in ConvGeometry g) =>
        g.Channels == 1 ? [ConvAlgorithm.ImplicitGemm] : g.KernelHeight == 3 && g.KernelWidth == 3 ? [ConvAlgorithm.ImplicitGemm, ConvAlgorithm.Im2Col, ConvAlgorithm.Winograd2x2, ConvAlgorithm.Winograd4x4] : [ConvAlgorithm.ImplicitGemm, ConvAlgorithm.Im2Col];

    private static StepStats Time(Action call, int samples)
    {
        ModelFigures.Settle();
        return StepTimer.Time(call, Math.Max(5, samples / 10), samples);
    }

    private static void Report(int threads, double peak, string conv, string product, int batch, in ConvGeometry g, StepStats stats)
    {
        double gflops = 2.0 * g.MultiplyAdds * batch / (stats.Median * 1e3);
        System.Console.WriteLine($"[statickeras] threads={threads} CONV {conv} {product} batch={batch}: {stats.Format("us/call")} -> {gflops:F1} GFLOP/s = {100 * gflops / peak:F1}% of FMA peak {peak:F1} (allocated {stats.BytesPerCall:0.##} B/call)");
    }

    /// <summary>Seeded buffers for one convolution at one batch.</summary>
    private sealed class ConvData(ConvGeometry g, int batch)
    {
        private readonly float[] x = GemmFigures.Random(batch * g.InputSize, 1);
        private readonly float[] kernel = GemmFigures.Random(g.KernelSize, 2);
        private readonly float[] bias = GemmFigures.Random(g.Filters, 3);
        private readonly float[] y = new float[batch * g.OutputSize];
        private readonly float[] dy = GemmFigures.Random(batch * g.OutputSize, 4);
        private readonly float[] dx = new float[batch * g.InputSize];
        private readonly float[] dKernel = new float[g.KernelSize];
        private readonly float[] scratch = new float[Conv2DKernel.ScratchSize(g)];

        public void Forward(ConvSettings settings) => Conv2DKernel.Forward(g, batch, x, kernel, bias, y, true, false, scratch, settings);

        public void KernelGradient(ConvSettings settings) => Conv2DKernel.BackwardKernel(g, batch, x, dy, dKernel, scratch, settings);

        public void InputGradient(ConvSettings settings) => Conv2DKernel.BackwardInput(g, batch, dy, kernel, dx, false, scratch, settings);
    }
}

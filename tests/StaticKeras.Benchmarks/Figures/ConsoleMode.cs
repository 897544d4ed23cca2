using System.Globalization;
using StaticKeras.Benchmarks.Models;
using StaticKeras.Benchmarks.Onnx;
using StaticKeras.Benchmarks.Peak;
using StaticKeras.Kernels;

namespace StaticKeras.Benchmarks.Figures;

/// <summary>
/// The plain console mode: for each thread count, the FMA peak, GEMM throughput, training steps
/// and predictions of both models, and ONNX Runtime predicting the same models with the same
/// weights, one line per figure in the peer harness's format so a script can pair them.
/// </summary>
public static class ConsoleMode
{
    public static int Run(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        string only = args.FirstOrDefault(a => a.StartsWith("only=", StringComparison.Ordinal))?["only=".Length..] ?? "all";
        int[] threads = args.Where(a => !a.Contains('=')).Select(int.Parse).DefaultIfEmpty(1).ToArray();
        bool Want(string part) => only == "all" || only.Split(',').Contains(part);
        System.Console.WriteLine($"StaticKeras benchmarks: {Environment.ProcessorCount} cores, {FmaPeak.Isa}, .NET {Environment.Version}, ONNX Runtime {OrtPredictor.Version}");
        WarmUp(threads.Max(), Want("cnn") || Want("conv"));
        foreach (int t in threads)
        {
            KernelOptions.Threads = t;
            double peak = Want("gemm") ? GemmFigures.Peak(t) : 0;
            if (Want("gemm"))
            {
                GemmFigures.Run(t, peak);
            }

            if (Want("mlp"))
            {
                ModelFigures.Train(t, BenchmarkModel.Mlp, [(32, 300, 2000), (128, 200, 1000), (1, 1000, 5000)]);
                ModelFigures.Predict(t, BenchmarkModel.Mlp, [(1, 1000, 5000), (32, 300, 2000), (128, 300, 2000)]);
            }

            if (Want("cnn") || Want("conv"))
            {
                peak = peak > 0 ? peak : GemmFigures.Peak(t);
            }

            if (Want("cnn"))
            {
                Cnn.CnnFigures.Run(t, peak);
            }

            if (Want("conv"))
            {
                Cnn.ConvFigures.Run(t, peak, [1, 32, 128]);
            }

            if (Want("tiny"))
            {
                ModelFigures.Train(t, BenchmarkModel.Tiny, [(4, 1000, 5000), (1, 1000, 5000), (32, 1000, 5000), (128, 1000, 5000)]);
                ModelFigures.Predict(t, BenchmarkModel.Tiny, [(1, 1000, 5000), (4, 1000, 5000), (32, 1000, 5000), (128, 1000, 5000)]);
            }
        }

        return 0;
    }

    /// <summary>
    /// Runs every code path of the figures, pauses, and does it again, so the JIT's tiered
    /// compilation has promoted the hot methods to optimised code before the first figure. With
    /// dynamic PGO a method goes tier 0 → instrumented tier 0 → tier 1, and each step waits for
    /// calls after a pause with no new methods compiled; one round and one pause left the loss
    /// and small-GEMM methods instrumented for the whole run in some processes, which timed the
    /// 4-8-1 training step anywhere from 0.5 to 4.6 µs.
    /// </summary>
    private static void WarmUp(int threads, bool convolutions)
    {
        for (int round = 0; round < 4; round++)
        {
            WarmUpRound(threads);
            if (convolutions)
            {
                Cnn.CnnFigures.WarmUp();
                Cnn.ConvFigures.WarmUp();
            }

            Thread.Sleep(300);
        }
    }

    private static void WarmUpRound(int threads)
    {
        for (int t = 1; t <= threads; t++)
        {
            KernelOptions.Threads = t;
            foreach (BenchmarkModel spec in new[] { BenchmarkModel.Mlp, BenchmarkModel.Tiny })
            {
                Model model = spec.CreateCompiled();
                foreach (int batch in new[] { 1, 4, 32, 128 })
                {
                    (float[] x, float[] y) = spec.Batch(batch);
                    var output = new float[batch * spec.Outputs];
                    for (int i = 0; i < 300; i++)
                    {
                        model.TrainOnBatch(x, y);
                        model.Predict(x, output);
                    }
                }
            }

            GemmFigures.WarmUp();
        }
    }
}

using StaticKeras.Kernels.Tests.KerasReference;
using static StaticKeras.Testing.FiniteDifferences;

namespace StaticKeras.Kernels.Tests.Normalization;

/// <summary>BatchNormalization against Keras's cases, its definition in double precision, finite differences (training mode: the statistics depend on x) and thread counts.</summary>
public sealed class BatchNormTests
{
    public static TheoryData<int, int, int, bool, bool> Shapes() => new()
    {
        // outer, channels, inner, center, scale
        { 12, 40, 1, true, true },   // last axis, vector and tail channels
        { 7, 3, 1, false, true },
        { 5, 4, 6, true, false },    // an inner axis (channels-first data)
        { 3, 5, 7, false, false },
    };

    [Fact]
    public void Inference_matches_Keras()
    {
        KerasCase c = KerasCase.Load("batchnorm_inference");
        int[] shape = c.Shape("inputs", "x");
        var s = NormalizationShape.LastAxis(shape[0], shape[1]);
        var y = new float[shape[0] * shape[1]];
        BatchNormKernel.ForwardInference(c.Input("x"), c.Weight("gamma"), c.Weight("beta"), c.Weight("moving_mean"), c.Weight("moving_variance"), y, s, Epsilon(c), new float[BatchNormKernel.ScratchSize(s.Channels)]);
        c.AssertClose(c.Expected("y"), y, "y");
    }

    [Fact]
    public void Training_step_matches_Keras()
    {
        KerasCase c = KerasCase.Load("batchnorm_training_step_rank2");
        int[] shape = c.Shape("inputs", "x");
        var s = NormalizationShape.LastAxis(shape[0], shape[1]);
        float[] movingMean = c.Weight("moving_mean"), movingVariance = c.Weight("moving_variance");
        float[] y = new float[shape[0] * shape[1]], mean = new float[s.Channels], inverseStd = new float[s.Channels];
        double momentum = c.Config.GetProperty("momentum").GetDouble();
        BatchNormKernel.ForwardTraining(c.Input("x"), c.Weight("gamma"), c.Weight("beta"), movingMean, movingVariance, y, mean, inverseStd, s, momentum, Epsilon(c), new float[BatchNormKernel.ScratchSize(s.Channels)]);
        c.AssertClose(c.Expected("y"), y, "y");
        c.AssertClose(c.Expected("batch_mean"), mean, "batch_mean");
        float[] variance = inverseStd.Select(v => (float)((1.0 / ((double)v * v)) - Epsilon(c))).ToArray();
        c.AssertClose(c.Expected("batch_variance_biased"), variance, "batch_variance_biased (from the inverse deviation)");
        c.AssertClose(c.Expected("moving_mean_after"), movingMean, "moving_mean_after");
        c.AssertClose(c.Expected("moving_variance_after"), movingVariance, "moving_variance_after");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Training_forward_and_backward_match_the_definition(int outer, int channels, int inner, bool center, bool scale)
    {
        var s = new NormalizationShape(outer, channels, inner);
        float[] x = Random((int)s.Size, 1, 2f), gamma = scale ? Random(channels, 2) : [], beta = center ? Random(channels, 3) : [], dy = Random((int)s.Size, 4);
        var (y, dx, dGamma, dBeta) = Run(s, x, gamma, beta, dy, training: true);
        (double[] yRef, double[] dxRef, double[] dgRef, double[] dbRef) = Reference(s, x, gamma, beta, dy);
        AssertClose(yRef, y, "y");
        AssertClose(dxRef, dx, "dx");
        if (scale)
        {
            AssertClose(dgRef, dGamma, "dGamma");
        }

        if (center)
        {
            AssertClose(dbRef, dBeta, "dBeta");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Training_backward_matches_finite_differences(int outer, int channels, int inner, bool center, bool scale)
    {
        var s = new NormalizationShape(outer, channels, inner);
        float[] x = Random((int)s.Size, 5, 2f), gamma = scale ? Random(channels, 6) : [], beta = center ? Random(channels, 7) : [], r = Random((int)s.Size, 8);
        var y = new float[x.Length];
        var scratch = new float[BatchNormKernel.ScratchSize(channels)];
        double Loss()
        {
            BatchNormKernel.ForwardTraining(x, gamma, beta, new float[channels], new float[channels], y, new float[channels], new float[channels], s, 0.99, 1e-3, scratch);
            return Dot(r, y);
        }

        var (_, dx, dGamma, dBeta) = Run(s, x, gamma, beta, r, training: true);
        AssertGradient(x, dx, Loss, "dx");
        if (scale)
        {
            AssertGradient(gamma, dGamma, Loss, "dGamma");
        }

        if (center)
        {
            AssertGradient(beta, dBeta, Loss, "dBeta");
        }
    }

    [Fact]
    public void Inference_backward_matches_finite_differences()
    {
        var s = new NormalizationShape(4, 6, 3);
        float[] x = Random((int)s.Size, 9), gamma = Random(6, 10), beta = Random(6, 11), r = Random((int)s.Size, 12);
        float[] movingMean = Random(6, 13), movingVariance = Random(6, 14).Select(v => v + 1.5f).ToArray();
        var y = new float[x.Length];
        var scratch = new float[BatchNormKernel.ScratchSize(6)];
        double Loss()
        {
            BatchNormKernel.ForwardInference(x, gamma, beta, movingMean, movingVariance, y, s, 1e-3, scratch);
            return Dot(r, y);
        }

        float[] dx = new float[x.Length], dGamma = new float[6], dBeta = new float[6];
        BatchNormKernel.BackwardInference(x, r, gamma, movingMean, movingVariance, dx, dGamma, dBeta, false, s, 1e-3, scratch);
        AssertGradient(x, dx, Loss, "dx");
        AssertGradient(gamma, dGamma, Loss, "dGamma");
        AssertGradient(beta, dBeta, Loss, "dBeta");
    }

    [Fact]
    public void Thread_counts_give_the_same_bits()
    {
        var s = NormalizationShape.LastAxis(128 * 169, 32);
        float[] x = Random((int)s.Size, 15), gamma = Random(32, 16), beta = Random(32, 17), dy = Random((int)s.Size, 18);
        int saved = KernelOptions.Threads;
        try
        {
            KernelOptions.Threads = 1;
            var one = Run(s, x, gamma, beta, dy, training: true);
            KernelOptions.Threads = 2;
            var two = Run(s, x, gamma, beta, dy, training: true);
            Assert.True(one.Y.AsSpan().SequenceEqual(two.Y) && one.Dx.AsSpan().SequenceEqual(two.Dx) && one.DGamma.AsSpan().SequenceEqual(two.DGamma));
        }
        finally
        {
            KernelOptions.Threads = saved;
        }
    }

    private static (float[] Y, float[] Dx, float[] DGamma, float[] DBeta) Run(NormalizationShape s, float[] x, float[] gamma, float[] beta, float[] dy, bool training)
    {
        int c = s.Channels;
        float[] y = new float[x.Length], mean = new float[c], inverseStd = new float[c], dx = new float[x.Length];
        float[] dGamma = gamma.Length == 0 ? [] : new float[c], dBeta = beta.Length == 0 ? [] : new float[c];
        var scratch = new float[BatchNormKernel.ScratchSize(c)];
        BatchNormKernel.ForwardTraining(x, gamma, beta, new float[c], new float[c], y, mean, inverseStd, s, 0.99, 1e-3, scratch);
        BatchNormKernel.BackwardTraining(x, dy, gamma, mean, inverseStd, dx, dGamma, dBeta, false, s, scratch);
        return (y, dx, dGamma, dBeta);
    }

    /// <summary>The training-mode layer in double precision: x̂ = (x − μ)/√(σ² + ε), y = γx̂ + β, and its exact gradient.</summary>
    private static (double[] Y, double[] Dx, double[] DGamma, double[] DBeta) Reference(NormalizationShape s, float[] x, float[] gamma, float[] beta, float[] dy)
    {
        int n = s.Count;
        var y = new double[x.Length];
        var dx = new double[x.Length];
        var dGamma = new double[s.Channels];
        var dBeta = new double[s.Channels];
        for (int c = 0; c < s.Channels; c++)
        {
            int[] at = Enumerable.Range(0, s.Outer).SelectMany(o => Enumerable.Range(0, s.Inner).Select(i => (((o * s.Channels) + c) * s.Inner) + i)).ToArray();
            double mean = at.Average(i => (double)x[i]);
            double variance = at.Average(i => (x[i] - mean) * (x[i] - mean));
            double inv = 1 / Math.Sqrt(variance + 1e-3);
            double g = gamma.Length == 0 ? 1 : gamma[c], b = beta.Length == 0 ? 0 : beta[c];
            dBeta[c] = at.Sum(i => (double)dy[i]);
            dGamma[c] = at.Sum(i => dy[i] * (x[i] - mean) * inv);
            foreach (int i in at)
            {
                double xhat = (x[i] - mean) * inv;
                y[i] = (g * xhat) + b;
                dx[i] = g * inv * (dy[i] - (dBeta[c] / n) - (xhat * dGamma[c] / n));
            }
        }

        return (y, dx, dGamma, dBeta);
    }

    private static void AssertClose(double[] expected, float[] actual, string what)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-4 * Math.Max(1, Math.Abs(expected[i])), $"{what}[{i}] = {actual[i]}, expected {expected[i]}");
        }
    }

    private static double Epsilon(KerasCase c) => c.Config.GetProperty("epsilon").GetDouble();
}

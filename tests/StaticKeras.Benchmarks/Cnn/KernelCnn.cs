using StaticKeras.Kernels;

namespace StaticKeras.Benchmarks.Cnn;

/// <summary>
/// The CNN of ../shared/peers (Conv2D 32 3×3 ReLU → MaxPool 2 → Conv2D 64 3×3 ReLU → MaxPool 2 →
/// Flatten → Dense 10 softmax on 28×28×1, sparse categorical cross-entropy, Adam 1e-3) written as
/// the kernel calls a generated model makes: planned buffers, constant geometry, one flat
/// parameter buffer, no allocation per step.
/// </summary>
public sealed class KernelCnn
{
    /// <summary>The name the peer harness prints for this model.</summary>
    public const string Name = "CNN c32-p-c64-p-d10";

    public const int InputSize = 28 * 28;
    public const int Classes = 10;

    private const int Flat = 5 * 5 * 64;

    // Parameter layout, as Keras orders the weights: conv1 kernel, bias, conv2 kernel, bias, dense kernel, bias.
    private static readonly ConvGeometry Conv1 = new(28, 28, 1, 32, 3, 3);
    private static readonly PoolGeometry Pool1 = new(26, 26, 32, 2, 2, 2, 2);
    private static readonly ConvGeometry Conv2 = new(13, 13, 32, 64, 3, 3);
    private static readonly PoolGeometry Pool2 = new(11, 11, 64, 2, 2, 2, 2);
    private static readonly int K1 = 0, B1 = K1 + Conv1.KernelSize, K2 = B1 + 32, B2 = K2 + Conv2.KernelSize, KD = B2 + 64, BD = KD + (Flat * Classes);
    private static readonly int ParameterCount = BD + Classes;

    /// <summary>
    /// Samples per pass of a prediction: a chunk's activations (about 145 KB a sample) stay in L2
    /// from one layer to the next, where a whole batch of 128 (18 MB) would stream through memory
    /// at every layer. Keras's own predict runs batches of 32.
    /// </summary>
    public const int PredictChunk = 8;

    private readonly int batch;
    private readonly float[] prepared2 = new float[Conv2DKernel.PreparedKernelSize(Conv2)];
    private long weightsVersion;
    private long preparedVersion = -1;
    private readonly float[] parameters = new float[ParameterCount];
    private readonly float[] gradients = new float[ParameterCount];
    private readonly float[] a1, p1, a2, p2, probabilities, da1, dp1, da2, dp2, dLogits, scratch;
    private readonly Adam adam = new(learningRate: 1e-3f);
    private readonly Loss loss = Losses.SparseCategoricalCrossentropy;

    /// <summary>Buffers for training batches of <paramref name="batch"/> samples (and predictions of any size), weights seeded (Glorot-like scale).</summary>
    public KernelCnn(int batch, int seed = 0)
    {
        this.batch = batch;
        int rows = Math.Max(batch, PredictChunk);
        var random = new SeededRandom((ulong)seed);
        Fill(K1, Conv1.KernelSize, 9 + 32);
        Fill(K2, Conv2.KernelSize, (9 * 32) + 64);
        Fill(KD, Flat * Classes, Flat + Classes);
        a1 = new float[rows * Conv1.OutputSize];
        p1 = new float[rows * Pool1.OutputSize];
        a2 = new float[rows * Conv2.OutputSize];
        p2 = new float[rows * Pool2.OutputSize];
        probabilities = new float[rows * Classes];
        da1 = new float[a1.Length];
        dp1 = new float[p1.Length];
        da2 = new float[a2.Length];
        dp2 = new float[p2.Length];
        dLogits = new float[probabilities.Length];
        scratch = new float[Math.Max(Conv2DKernel.ScratchSize(Conv1), Conv2DKernel.ScratchSize(Conv2))];
        adam.Build(ParameterCount, [new WeightDefinition("cnn", "all", [ParameterCount], 0, "glorot_uniform", 1, 1)]);

        void Fill(int offset, int count, int fans)
        {
            float limit = MathF.Sqrt(6f / fans);
            for (int i = 0; i < count; i++)
            {
                parameters[offset + i] = ((2 * random.NextSingle()) - 1) * limit;
            }
        }
    }

    /// <summary>The weights, in Keras's order, for the ONNX export.</summary>
    public (float[] Kernel1, float[] Bias1, float[] Kernel2, float[] Bias2, float[] DenseKernel, float[] DenseBias) Weights() =>
        (parameters[K1..B1], parameters[B1..K2], parameters[K2..B2], parameters[B2..KD], parameters[KD..BD], parameters[BD..]);

    /// <summary>
    /// Class probabilities of <paramref name="count"/> samples, <see cref="PredictChunk"/> at a time,
    /// with conv2's kernel prepared once per weight change (<see cref="Conv2DKernel.PrepareKernel"/>).
    /// </summary>
    public void Predict(ReadOnlySpan<float> x, Span<float> output, int count)
    {
        if (preparedVersion != weightsVersion)
        {
            Conv2DKernel.PrepareKernel(Conv2, parameters.AsSpan(K2, Conv2.KernelSize), prepared2);
            preparedVersion = weightsVersion;
        }

        for (int start = 0; start < count; start += PredictChunk)
        {
            int n = Math.Min(PredictChunk, count - start);
            Forward(x.Slice(start * InputSize, n * InputSize), n, prepared: true);
            probabilities.AsSpan(0, n * Classes).CopyTo(output.Slice(start * Classes));
        }
    }

    /// <summary>One Adam step on a full batch; returns the loss before the step.</summary>
    public float TrainStep(ReadOnlySpan<float> x, ReadOnlySpan<float> labels)
    {
        Forward(x, batch, prepared: false);
        float value = loss.ComputeWithGradient(probabilities, labels, dLogits, batch, Classes, LossFusion.Softmax, out bool preActivation);
        Span<float> w = parameters, g = gradients;
        DenseKernel.Backward<StaticKeras.Activations.Softmax>(p2, w.Slice(KD, Flat * Classes), default, probabilities, dLogits, g.Slice(KD, Flat * Classes), g.Slice(BD, Classes), dp2, false, batch, Flat, Classes, preActivation);
        // Each pool sits on a convolution's fused ReLU: its backward pass writes dL/dz directly.
        MaxPoolKernel.Backward(Pool2, batch, a2, p2, dp2, da2, accumulate: false, throughRelu: true);
        Conv2DKernel.Backward(Conv2, batch, p1, w.Slice(K2, Conv2.KernelSize), a2, da2, g.Slice(K2, Conv2.KernelSize), g.Slice(B2, 64), dp1, false, relu: false, scratch);
        MaxPoolKernel.Backward(Pool1, batch, a1, p1, dp1, da1, accumulate: false, throughRelu: true);
        Conv2DKernel.Backward(Conv1, batch, x, w.Slice(K1, Conv1.KernelSize), a1, da1, g.Slice(K1, Conv1.KernelSize), g.Slice(B1, 32), [], false, relu: false, scratch);
        adam.Apply(parameters, gradients);
        weightsVersion++;
        return value;
    }

    private void Forward(ReadOnlySpan<float> x, int count, bool prepared)
    {
        Span<float> w = parameters;
        Conv2DKernel.Forward(Conv1, count, x, w.Slice(K1, Conv1.KernelSize), w.Slice(B1, 32), a1, relu: true, scratch);
        MaxPoolKernel.Forward(Pool1, count, a1, p1);
        if (prepared)
        {
            Conv2DKernel.ForwardPrepared(Conv2, count, p1, w.Slice(K2, Conv2.KernelSize), prepared2, w.Slice(B2, 64), a2, relu: true, scratch);
        }
        else
        {
            Conv2DKernel.Forward(Conv2, count, p1, w.Slice(K2, Conv2.KernelSize), w.Slice(B2, 64), a2, relu: true, scratch);
        }

        MaxPoolKernel.Forward(Pool2, count, a2, p2);
        DenseKernel.Forward<StaticKeras.Activations.Softmax>(p2, w.Slice(KD, Flat * Classes), w.Slice(BD, Classes), probabilities, count, Flat, Classes);
    }

    /// <summary>A seeded batch: pixels in [0, 1) and class labels, as the peers draw them.</summary>
    public static (float[] X, float[] Y) Batch(int batch, int seed = 1)
    {
        var random = new Random(seed);
        float[] x = new float[batch * InputSize], y = new float[batch];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)random.NextDouble();
        }

        for (int i = 0; i < y.Length; i++)
        {
            y[i] = random.Next(Classes);
        }

        return (x, y);
    }

    /// <summary>Per-sample multiply-adds of the two convolutions (the rest is under 1%).</summary>
    public static long ConvolutionMultiplyAdds => Conv1.MultiplyAdds + Conv2.MultiplyAdds;

    /// <summary>Runs the figures' paths (JIT warm-up).</summary>
    public static void WarmUp()
    {
        foreach (int b in new[] { 1, 32 })
        {
            var cnn = new KernelCnn(b);
            (float[] x, float[] y) = Batch(b);
            var output = new float[b * Classes];
            for (int i = 0; i < 100; i++)
            {
                cnn.TrainStep(x, y);
                cnn.Predict(x, output, b);
            }
        }
    }
}

using StaticKeras.Testing;

namespace StaticKeras.Generators.Tests;

/// <summary>
/// Generated inference passes against scalar references written from Keras's definitions, with
/// the model's own weights (read through <c>GetWeights</c>, Keras's order and layout).
/// </summary>
public sealed class ModelOutputTests
{
    [Fact]
    public void Everything_predicts_what_its_layers_define()
    {
        Model model = GeneratedModels.Create("Demo.Nested.Everything");
        const int batch = 3;
        float[] image = FiniteDifferences.Random(batch * 12, 1), features = FiniteDifferences.Random(batch * 6, 2);
        float[] actual = model.Predict([image, features]);

        IReadOnlyList<float[]> w = model.GetWeights(); // a/kernel, a/bias, b/kernel, dense/kernel, dense/bias
        var expected = new float[batch * 3];
        for (int s = 0; s < batch; s++)
        {
            float[] flat = image[(s * 12)..((s + 1) * 12)];
            float[] f = features[(s * 6)..((s + 1) * 6)];
            float[] a = Dense(flat, w[0], w[1], 6).Select(MathF.Tanh).ToArray();
            float[] gated = a.Zip(f, (p, q) => p * q).ToArray();         // Dropout is the identity at inference.
            float[] b = Dense(f, w[2], null, 6);
            float[] sum = gated.Select((g, i) => g + b[i] + f[i]).ToArray();
            float[] twice = sum.Concat(sum).ToArray();                      // (2, 3) twice on axis 1 = (4, 3), row-major.
            float[] logits = Dense(twice, w[3], w[4], 3);
            Softmax(logits).CopyTo(expected, s * 3);
        }

        AssertClose(expected, actual);
    }

    [Fact]
    public void Dense_on_a_rank_two_tensor_applies_to_the_last_axis()
    {
        Model model = GeneratedModels.Create("Demo.Gradients.Branches");
        float[] x = FiniteDifferences.Random(3, 1), y = FiniteDifferences.Random(4, 2);
        float[] actual = model.Predict([x, y]);

        IReadOnlyList<float[]> w = model.GetWeights(); // hx/kernel, hx/bias, rows/kernel, rows/bias, dense/kernel, dense/bias
        float[] hx = Dense(x, w[0], w[1], 4).Select(MathF.Tanh).ToArray();
        float[] m = hx.Zip(y, (p, q) => p * q).ToArray();
        float[] s = m.Zip(hx, (p, q) => p + q).ToArray();
        float[] c = s.Concat(m).ToArray();                                    // (8,) reshaped to (2, 4)
        float[] rows = Dense(c[..4], w[2], w[3], 3).Concat(Dense(c[4..], w[2], w[3], 3)).ToArray();
        AssertClose(Softmax(Dense(rows, w[4], w[5], 3)), actual);
    }

    [Fact]
    public void The_same_seed_gives_the_same_bits_after_training()
    {
        float[] Train()
        {
            Model model = GeneratedModels.Create("Demo.Nested.Everything", seed: 123);
            model.Compile(new Adam(learningRate: 0.01f), new SparseCategoricalCrossentropy());
            float[] image = FiniteDifferences.Random(40 * 12, 3), features = FiniteDifferences.Random(40 * 6, 4);
            float[] labels = Enumerable.Range(0, 40).Select(i => (float)(i % 3)).ToArray();
            model.Fit([image, features], labels, epochs: 3, batchSize: 8, verbose: 0);
            return model.GetWeights().SelectMany(v => v).ToArray();
        }

        float[] first = Train(), second = Train();
        Assert.Equal(first.Select(BitConverter.SingleToInt32Bits), second.Select(BitConverter.SingleToInt32Bits));
        Model fresh = GeneratedModels.Create("Demo.Nested.Everything", seed: 123);
        Assert.NotEqual(fresh.GetWeights().SelectMany(v => v), first);
    }

    private static float[] Dense(float[] x, float[] kernel, float[]? bias, int units)
    {
        int inputs = x.Length;
        var y = new float[units];
        for (int j = 0; j < units; j++)
        {
            double sum = bias?[j] ?? 0;
            for (int i = 0; i < inputs; i++)
            {
                sum += x[i] * kernel[(i * units) + j];
            }

            y[j] = (float)sum;
        }

        return y;
    }

    private static float[] Softmax(float[] z)
    {
        double max = z.Max();
        double[] e = z.Select(v => Math.Exp(v - max)).ToArray();
        double total = e.Sum();
        return e.Select(v => (float)(v / total)).ToArray();
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5 + (1e-4 * Math.Abs(expected[i])), $"[{i}]: expected {expected[i]}, got {actual[i]}");
        }
    }
}

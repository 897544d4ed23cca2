namespace StaticKeras.KerasFiles.Tests;

/// <summary>Small seeded data sets for the models under test.</summary>
internal static class TrainingData
{
    /// <summary><paramref name="samples"/> rows of <paramref name="features"/> values in [-1, 1) and a class id in [0, classes).</summary>
    public static (float[] X, int[] Y) Classes(int samples, int features, int classes, int seed)
    {
        var random = new SeededRandom((ulong)seed);
        var x = new float[samples * features];
        var y = new int[samples];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (random.NextSingle() * 2) - 1;
        }

        for (int i = 0; i < samples; i++)
        {
            y[i] = random.NextInt(classes);
        }

        return (x, y);
    }

    /// <summary>Every weight of a model, concatenated, as bits.</summary>
    public static int[] Bits(Model model) => model.GetWeights().SelectMany(w => w).Select(BitConverter.SingleToInt32Bits).ToArray();

    /// <summary>Every float optimizer variable, concatenated, as bits, and the iteration counter.</summary>
    public static (long Iterations, int[] Bits) OptimizerBits(Model model) =>
        (model.Optimizer!.Iterations, model.Optimizer.Variables.Where(v => !v.IsInteger).SelectMany(v => v.Values.ToArray()).Select(BitConverter.SingleToInt32Bits).ToArray());
}

namespace StaticKeras.Saving.Tests;

/// <summary>Small weights files of every kind of variable the writer supports, with seeded values.</summary>
internal static class SampleWeights
{
    public static KerasWeights Create(int seed = 1)
    {
        var random = new Random(seed);
        float[] Floats(int n) => Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var dense = new LayerVariables("dense", "hidden", [
            KerasVariable.Float32("kernel", [3, 4], Floats(12)),
            KerasVariable.Float32("bias", [4], Floats(4)),
        ]);
        var norm = new LayerVariables("batch_normalization", "batch_normalization", [
            KerasVariable.Float32("gamma", [4], Floats(4)),
            KerasVariable.Float32("beta", [4], Floats(4)),
            KerasVariable.Float32("moving_mean", [4], Floats(4)),
            KerasVariable.Float64("moving_variance", [4], Enumerable.Range(0, 4).Select(i => 1.0 + i).ToArray()),
        ]);
        var cell = new LayerVariables("bidirectional/forward_layer/cell", "forward_gru_cell", [KerasVariable.Float32("kernel", [2, 2, 3], Floats(12))]);
        var dropout = new LayerVariables("dropout", "dropout", []);
        var optimizer = new OptimizerVariables("adam", [
            KerasVariable.Int64("iterations", [], new long[] { 1234 }),
            KerasVariable.Float32("learning_rate", [], new[] { 0.001f }),
            KerasVariable.Float32("m", [3, 4], Floats(12)),
        ]);
        var checkpoint = new VariableGroup("checkpoint", "checkpoint", [
            KerasVariable.Int32("epoch", [], new[] { 7 }),
            KerasVariable.UInt64("random_state", [4], new ulong[] { ulong.MaxValue, 1, 2, 3 }),
            KerasVariable.UInt32("seed", [2], new uint[] { 42, uint.MaxValue }),
        ]);
        return new KerasWeights([dense, norm, cell, dropout], optimizer, "sequential", [checkpoint]);
    }

    /// <summary>Every group's variables as (path, dtype, shape, bits), to compare two weights for bit equality.</summary>
    public static List<(string, KerasDType, string, string)> Fingerprint(KerasWeights w) =>
        w.AllGroups().SelectMany(g => g.Variables.Select((v, i) => (g.VariablePath(i), v.DType, string.Join(",", v.Shape), Convert.ToHexString(BitsOf(v))))).ToList();

    private static byte[] BitsOf(KerasVariable v) => v.Bytes().ToArray();
}

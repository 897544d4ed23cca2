namespace AotInference;

/// <summary>
/// Weights on disk: a magic number, the count, then each weight's length and float32 values
/// (little-endian), in <c>Model.GetWeights()</c>'s order. Saving writes a temporary file and
/// renames it, so a failed save never leaves a half-written file under the real name.
/// </summary>
internal static class WeightsFile
{
    private const int Magic = 0x31574B53; // "SKW1"

    /// <summary>Writes <paramref name="weights"/> to <paramref name="path"/>.</summary>
    public static void Save(string path, IReadOnlyList<float[]> weights)
    {
        string temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(Magic);
            writer.Write(weights.Count);
            foreach (float[] weight in weights)
            {
                writer.Write(weight.Length);
                foreach (float value in weight)
                {
                    writer.Write(value);
                }
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads what <see cref="Save"/> wrote; the model's <c>SetWeights</c> checks the shapes.</summary>
    /// <exception cref="InvalidDataException">The file is not a weights file or is cut short.</exception>
    public static float[][] Load(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        if (reader.BaseStream.Length < 8 || reader.ReadInt32() != Magic)
        {
            throw new InvalidDataException($"'{path}' is not a StaticKeras weights file (run 'AotInference train {path}' to make one).");
        }

        var weights = new float[reader.ReadInt32()][];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = new float[reader.ReadInt32()];
            for (int j = 0; j < weights[i].Length; j++)
            {
                weights[i][j] = reader.ReadSingle();
            }
        }

        return weights;
    }
}

using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace StaticKeras.Data;

/// <summary>
/// Loads MNIST from a folder of IDX files, as Keras's <c>mnist.load_data()</c>: pixels scaled to
/// [0, 1], labels as class ids.
/// </summary>
public static class Mnist
{
    /// <summary>Loads one split.</summary>
    /// <param name="directory">The folder with the files.</param>
    /// <param name="prefix">The file prefix: <c>train</c>, <c>t10k</c>, or <c>train10k</c> for the subset shipped with the samples.</param>
    /// <returns>Images <c>(N, 28, 28)</c> flattened row-major, and labels.</returns>
    /// <exception cref="FileNotFoundException">Neither the gzip nor the plain file exists; names both.</exception>
    public static (float[] Images, int[] Labels) Load(string directory, string prefix) => Load(directory, prefix, "MNIST");

    /// <summary>
    /// Loads an MNIST-format split: <c>{prefix}-images-idx3-ubyte</c> and <c>{prefix}-labels-idx1-ubyte</c>,
    /// gzip-compressed or not; an image file split into <c>.part0.gz</c>, <c>.part1.gz</c>, ... is read
    /// part by part, in order, as one.
    /// </summary>
    internal static (float[] Images, int[] Labels) Load(string directory, string prefix, string dataset)
    {
        string[] images = FindParts(directory, prefix + "-images-idx3-ubyte", dataset);
        string labels = FindParts(directory, prefix + "-labels-idx1-ubyte", dataset)[0];
        var parts = new List<float[]>();
        int count = 0;
        foreach (string part in images)
        {
            (float[] values, int n, _, _) = Idx.ReadImages(part);
            parts.Add(values);
            count += n;
        }

        float[] x = parts.Count == 1 ? parts[0] : Concatenate(parts);
        int[] y = Idx.ReadLabels(labels);
        if (y.Length != count)
        {
            throw new InvalidDataException($"'{images[0]}' has {count} images but '{labels}' has {y.Length} labels.");
        }

        return (x, y);
    }

    private static string[] FindParts(string directory, string name, string dataset)
    {
        foreach (string candidate in new[] { name + ".gz", name })
        {
            string path = Path.Combine(directory, candidate);
            if (File.Exists(path))
            {
                return [path];
            }
        }

        var parts = new List<string>();
        for (int i = 0; File.Exists(Path.Combine(directory, $"{name}.part{i}.gz")); i++)
        {
            parts.Add(Path.Combine(directory, $"{name}.part{i}.gz"));
        }

        return parts.Count > 0
            ? parts.ToArray()
            : throw new FileNotFoundException($"{dataset} file '{name}.gz' (or '{name}', or '{name}.part0.gz' and on) not found in '{Path.GetFullPath(directory)}'.");
    }

    private static float[] Concatenate(List<float[]> parts)
    {
        var all = new float[parts.Sum(p => (long)p.Length)];
        long at = 0;
        foreach (float[] part in parts)
        {
            part.CopyTo(all, at);
            at += part.Length;
        }

        return all;
    }
}

using System.IO;

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
    public static (float[] Images, int[] Labels) Load(string directory, string prefix)
    {
        string images = Find(directory, prefix + "-images-idx3-ubyte");
        string labels = Find(directory, prefix + "-labels-idx1-ubyte");
        (float[] x, int count, _, _) = Idx.ReadImages(images);
        int[] y = Idx.ReadLabels(labels);
        if (y.Length != count)
        {
            throw new InvalidDataException($"'{images}' has {count} images but '{labels}' has {y.Length} labels.");
        }

        return (x, y);
    }

    private static string Find(string directory, string name)
    {
        foreach (string candidate in new[] { name + ".gz", name })
        {
            string path = Path.Combine(directory, candidate);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"MNIST file '{name}.gz' (or '{name}') not found in '{Path.GetFullPath(directory)}'.");
    }
}

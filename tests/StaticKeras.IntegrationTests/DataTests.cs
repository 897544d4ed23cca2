using System.IO.Compression;
using StaticKeras.Data;

namespace StaticKeras.IntegrationTests;

/// <summary>The IDX reader on the real MNIST files and on broken ones.</summary>
public sealed class DataTests
{
    private static string Labels => Path.Combine(AppContext.BaseDirectory, "mnist", "t10k-labels-idx1-ubyte.gz");

    [Fact]
    public void Reads_the_mnist_test_labels_with_their_known_class_counts()
    {
        int[] labels = Idx.ReadLabels(Labels);
        Assert.Equal(10000, labels.Length);
        Assert.Equal([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009], labels.GroupBy(l => l).OrderBy(g => g.Key).Select(g => g.Count()));
    }

    [Fact]
    public void Reads_uncompressed_files_too()
    {
        string plain = Path.GetTempFileName();
        using (var input = new GZipStream(File.OpenRead(Labels), CompressionMode.Decompress))
        using (var output = File.Create(plain))
        {
            input.CopyTo(output);
        }

        Assert.Equal(Idx.ReadLabels(Labels), Idx.ReadLabels(plain));
        File.Delete(plain);
    }

    [Fact]
    public void A_truncated_file_says_how_much_is_missing()
    {
        string path = Path.GetTempFileName();
        File.WriteAllBytes(path, [0, 0, 8, 1, 0, 0, 0, 10, 1, 2, 3]);
        var error = Assert.Throws<InvalidDataException>(() => Idx.ReadLabels(path));
        Assert.Contains("declares shape (10) = 10 values but holds 3", error.Message);
        File.WriteAllBytes(path, [1, 2, 3, 4]);
        Assert.Contains("is not an IDX file", Assert.Throws<InvalidDataException>(() => Idx.ReadLabels(path)).Message);
        File.Delete(path);
    }

    [Fact]
    public void A_missing_dataset_names_the_file_and_folder()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Mnist.Load(Path.GetTempPath(), "nothing-here"));
        Assert.Contains("nothing-here-images-idx3-ubyte.gz", error.Message);
    }
}

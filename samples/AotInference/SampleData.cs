using System.Buffers.Binary;
using System.IO.Compression;
using StaticKeras.Data;

namespace AotInference;

/// <summary>The MNIST files copied beside the executable (by build and by publish).</summary>
internal static class SampleData
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "data", "mnist");

    /// <summary>The first 10,000 training images.</summary>
    public static (float[] Images, int[] Labels) Training() => Mnist.Load(Folder, "train10k");

    /// <summary>The 10,000 test images.</summary>
    public static (float[] Images, int[] Labels) Test() => Mnist.Load(Folder, "t10k");

    /// <summary>
    /// The first test image alone, as a deployed model gets one request: reads only the IDX header
    /// and 784 bytes instead of decompressing all 10,000 images.
    /// </summary>
    public static float[] FirstTestImage()
    {
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(Folder, "t10k-images-idx3-ubyte.gz")), CompressionMode.Decompress);
        Span<byte> header = stackalloc byte[16];
        gzip.ReadExactly(header);
        int rows = BinaryPrimitives.ReadInt32BigEndian(header[8..]);
        int columns = BinaryPrimitives.ReadInt32BigEndian(header[12..]);
        var pixels = new byte[rows * columns];
        gzip.ReadExactly(pixels);
        return Array.ConvertAll(pixels, p => p / 255f);
    }
}

using System.Diagnostics;
using Xunit.Abstractions;

namespace StaticKeras.Saving.Tests;

/// <summary>A 100 MB weights file round-trips exactly; prints write and read throughput and the file size.</summary>
public sealed class LargeFileTests(ITestOutputHelper output)
{
    [Fact]
    public void A_100_MB_weights_file_round_trips_and_reports_its_speed()
    {
        const int Layers = 5, Rows = 2500, Columns = 2000; // 5 x 20 MB of float32
        var random = new Random(5);
        var layers = Enumerable.Range(0, Layers).Select(i =>
        {
            float[] kernel = new float[Rows * Columns];
            for (int j = 0; j < kernel.Length; j++)
            {
                kernel[j] = (float)random.NextDouble();
            }

            return new LayerVariables(i == 0 ? "dense" : "dense_" + i, "dense_" + i, [KerasVariable.Float32("kernel", [Rows, Columns], kernel)]);
        }).ToList();
        string path = Path.Combine(TestFiles.NewFolder(), "large.weights.h5");
        double megabytes = Layers * Rows * Columns * 4 / 1e6;

        var write = Stopwatch.StartNew();
        KerasWeightsFile.Write(path, layers);
        write.Stop();
        var read = Stopwatch.StartNew();
        KerasWeights back = KerasWeightsFile.Read(path);
        read.Stop();

        long size = new FileInfo(path).Length;
        output.WriteLine($"{megabytes:F0} MB of float32: file {size} bytes ({size - (megabytes * 1e6):F0} bytes of HDF5 structure); write {megabytes / write.Elapsed.TotalSeconds:F0} MB/s ({write.ElapsedMilliseconds} ms, flushed to disk), read + verify {megabytes / read.Elapsed.TotalSeconds:F0} MB/s ({read.ElapsedMilliseconds} ms)");
        Assert.True(size - (megabytes * 1e6) < 4096, $"{size} bytes for {megabytes} MB of weights");
        for (int i = 0; i < Layers; i++)
        {
            Assert.True(layers[i].Variables[0].AsFloat32().SequenceEqual(back.Layers[i].Float32(0, [Rows, Columns])), $"layer {i} differs");
        }
    }
}

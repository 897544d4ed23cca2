using Xunit.Abstractions;

namespace StaticKeras.Saving.Tests;

/// <summary>
/// Never load garbage: every truncation and every corrupted byte of a file we wrote either reads back
/// the same weights or throws <see cref="ModelFileException"/>, never another exception, never other values.
/// </summary>
public sealed class CorruptionTests(ITestOutputHelper output)
{
    public static TheoryData<string> Formats() => new("weights.h5", "legacy.h5", "archive.keras");

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_truncation_of_a_small_file_throws_a_ModelFileException(string format)
    {
        byte[] file = Write(format);
        for (int length = 0; length < file.Length; length++)
        {
            var e = Assert.Throws<ModelFileException>(() => Read(format, file[..length]));
            Assert.StartsWith("sample." + format, e.Message, StringComparison.Ordinal);
        }

        output.WriteLine($"{format}: {file.Length} bytes, all {file.Length} truncations rejected");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Two_hundred_seeded_random_byte_flips_are_each_detected_or_harmless(string format)
    {
        byte[] file = Write(format);
        var expected = Fingerprint(format, file);
        var random = new Random(2026);
        int detected = 0;
        for (int i = 0; i < 200; i++)
        {
            int at = random.Next(file.Length);
            detected += FlipDetected(format, file, at, (byte)random.Next(1, 256), expected) ? 1 : 0;
        }

        output.WriteLine($"{format}: {detected} of 200 flips detected, {200 - detected} read back equal weights");
        Assert.True(format.EndsWith(".keras", StringComparison.Ordinal) || detected == 200, $"{200 - detected} flips in an HDF5 file we wrote went unnoticed");
    }

    [Theory]
    [InlineData("weights.h5")]
    [InlineData("legacy.h5")]
    public void Every_single_byte_of_an_HDF5_file_we_write_is_covered_by_a_checksum(string format)
    {
        byte[] file = Write(format);
        var expected = Fingerprint(format, file);
        var random = new Random(7);
        for (int at = 0; at < file.Length; at++)
        {
            Assert.True(FlipDetected(format, file, at, (byte)random.Next(1, 256), expected), $"a flip at byte {at} went unnoticed");
        }
    }

    [Theory]
    [InlineData("hdf5/earliest.h5")]
    [InlineData("hdf5/latest.h5")]
    [InlineData("hdf5/dense.h5")]
    [InlineData("keras_models/dl4j_simple_rnn/simple_rnn_tf_keras_2_model.h5")]
    public void Flipped_bytes_in_files_without_checksums_still_fail_only_as_ModelFileException(string file)
    {
        // h5py's files carry no checksums, so a flip may go unnoticed; it must still never crash the reader.
        byte[] original = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, file));
        var random = new Random(11);
        int rejected = 0, fallback = 0;
        for (int i = 0; i < 300; i++)
        {
            byte[] copy = (byte[])original.Clone();
            copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
            try
            {
                OurReader.Datasets(copy, "f.h5");
            }
            catch (ModelFileException e)
            {
                rejected++;
                fallback += e.InnerException != null ? 1 : 0; // caught by the guard rather than by a named check
            }
        }

        output.WriteLine($"{file}: {rejected} of 300 flips rejected, {fallback} by the guard");
    }

    [Fact]
    public void A_corrupted_chunk_names_the_file_the_weight_and_the_checksum()
    {
        string path = Path.Combine(TestFiles.NewFolder(), "m.weights.h5");
        KerasWeightsFile.Write(path, SampleWeights.Create().Layers);
        byte[] file = File.ReadAllBytes(path);
        file[48] ^= 0x10; // the writer puts the first layer's first chunk right after the 48-byte superblock
        File.WriteAllBytes(path, file);

        var e = Assert.Throws<ModelFileException>(() => KerasWeightsFile.Read(path));

        Assert.Equal("m.weights.h5", e.FilePath);
        Assert.Equal("layers/dense/vars/0", e.ObjectPath);
        Assert.Contains("fletcher32", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_says_it_is_truncated_and_how_long_it_should_be()
    {
        byte[] file = Write("weights.h5");

        var e = Assert.Throws<ModelFileException>(() => KerasWeightsFile.Read(file[..(file.Length - 10)], "m.weights.h5"));

        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.Contains(file.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    private static bool FlipDetected(string format, byte[] file, int at, byte mask, List<string> expected)
    {
        byte[] copy = (byte[])file.Clone();
        copy[at] ^= mask;
        try
        {
            var actual = Fingerprint(format, copy);
            Assert.True(expected.SequenceEqual(actual), $"a flip at byte {at} (xor 0x{mask:x2}) loaded different weights");
            return false;
        }
        catch (ModelFileException)
        {
            return true;
        }
    }

    private static byte[] Write(string format)
    {
        string path = Path.Combine(TestFiles.NewFolder(), "sample." + format);
        KerasWeights weights = SampleWeights.Create();
        switch (format)
        {
            case "weights.h5":
                KerasWeightsFile.Write(path, weights);
                break;
            case "legacy.h5":
                LegacyKerasFile.Write(path, new LegacyKerasModel(weights.Layers.Select(l => new LayerVariables(l.Key.Replace('/', '_'), l.Name, l.Variables)).ToList(), "{}"));
                break;
            default:
                new KerasArchive("{}", weights).Write(path);
                break;
        }

        return File.ReadAllBytes(path);
    }

    // Everything a reader returns: every variable's bits, and the JSON texts of legacy files and archives.
    private static List<string> Fingerprint(string format, byte[] data)
    {
        string name = "sample." + format;
        switch (format)
        {
            case "weights.h5":
                return Text(SampleWeights.Fingerprint(KerasWeightsFile.Read(data, name)));
            case "legacy.h5":
                LegacyKerasModel legacy = LegacyKerasFile.Read(data, name);
                return [.. Text(SampleWeights.Fingerprint(new KerasWeights(legacy.Layers))), legacy.ModelConfig!, legacy.KerasVersion!, legacy.Backend!];
            default:
                KerasArchive archive = KerasArchive.Read(data, name);
                return [.. Text(SampleWeights.Fingerprint(archive.Weights)), archive.ConfigJson, archive.MetadataJson];
        }
    }

    private static List<string> Text(List<(string, KerasDType, string, string)> fingerprint) => fingerprint.Select(f => f.ToString()).ToList();

    private static void Read(string format, byte[] data) => Fingerprint(format, data);
}

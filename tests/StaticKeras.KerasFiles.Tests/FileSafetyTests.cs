using StaticKeras.KerasFiles.Tests.TestModels;

namespace StaticKeras.KerasFiles.Tests;

/// <summary>
/// Never lose a file, never load garbage, at the model level: a save interrupted at any stage
/// leaves the previous file loadable; every truncation and 200 seeded byte flips of a small saved
/// file either load the same weights or throw <see cref="ModelFileException"/>, and a failed load
/// leaves the model's weights as they were.
/// </summary>
public sealed class FileSafetyTests
{
    public static TheoryData<string, string> Stages() => new()
    {
        { "Created", ".weights.h5" }, { "Written", ".weights.h5" }, { "Flushed", ".weights.h5" }, { "Closed", ".weights.h5" },
        { "Created", ".keras" }, { "Written", ".keras" }, { "Flushed", ".keras" }, { "Closed", ".keras" },
    };

    [Theory]
    [MemberData(nameof(Stages))]
    public void A_save_interrupted_at_any_stage_leaves_the_old_file_loadable(string stage, string extension)
    {
        string path = Path.Combine(KerasData.NewFolder(), "model" + extension);
        var old = new SparseXentMlp(seed: 1);
        Save(old, path, null);
        var newer = new SparseXentMlp(seed: 2);

        Assert.Throws<IOException>(() => Save(newer, path, s =>
        {
            if (s.ToString() == stage)
            {
                throw new IOException("simulated crash after " + s);
            }
        }));

        var check = new SparseXentMlp(seed: 3);
        check.LoadWeights(path);
        Assert.Equal(TrainingData.Bits(old), TrainingData.Bits(check));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!)); // the temporary file is gone
    }

    [Fact]
    public void A_crash_after_the_rename_leaves_the_new_file_complete()
    {
        string path = Path.Combine(KerasData.NewFolder(), "model.weights.h5");
        Save(new SparseXentMlp(seed: 1), path, null);
        var newer = new SparseXentMlp(seed: 2);
        Assert.Throws<IOException>(() => Save(newer, path, s => { if (s == AtomicWriteStage.Renamed) throw new IOException("after rename"); }));

        var check = new SparseXentMlp(seed: 3);
        check.LoadWeights(path);
        Assert.Equal(TrainingData.Bits(newer), TrainingData.Bits(check));
    }

    [Fact]
    public void Every_truncation_of_a_saved_file_throws_the_named_exception_and_changes_nothing()
    {
        (byte[] file, SparseXentMlp saved) = SmallFile();
        var target = new SparseXentMlp(seed: 9);
        target.Compile(new Adam(), Losses.SparseCategoricalCrossentropy);
        int[] before = TrainingData.Bits(target);
        for (int length = 0; length < file.Length; length++)
        {
            var e = Assert.Throws<ModelFileException>(() => target.LoadWeights(file[..length], "small.weights.h5"));
            Assert.StartsWith("small.weights.h5", e.Message);
            Assert.Equal(before, TrainingData.Bits(target));
        }

        target.LoadWeights(file, "small.weights.h5");
        Assert.Equal(TrainingData.Bits(saved), TrainingData.Bits(target));
    }

    [Fact]
    public void Two_hundred_seeded_byte_flips_load_equal_weights_or_throw_the_named_exception()
    {
        (byte[] file, SparseXentMlp saved) = SmallFile();
        var random = new SeededRandom(2024);
        int refused = 0, loaded = 0;
        for (int n = 0; n < 200; n++)
        {
            byte[] corrupted = (byte[])file.Clone();
            int at = random.NextInt(corrupted.Length);
            corrupted[at] ^= (byte)(1 << random.NextInt(8));
            var target = new SparseXentMlp(seed: 9);
            target.Compile(new Adam(), Losses.SparseCategoricalCrossentropy);
            int[] before = TrainingData.Bits(target);
            try
            {
                target.LoadWeights(corrupted, "small.weights.h5");
                Assert.Equal(TrainingData.Bits(saved), TrainingData.Bits(target));
                loaded++;
            }
            catch (ModelFileException)
            {
                Assert.Equal(before, TrainingData.Bits(target));
                refused++;
            }
        }

        Assert.Equal(200, refused + loaded);
        Assert.True(refused > 150, $"only {refused} of 200 flips were refused");
    }

    /// <summary>A trained model's weights file with Adam's state (15 weights, a few KB).</summary>
    private static (byte[] File, SparseXentMlp Model) SmallFile()
    {
        (float[] x, int[] y) = TrainingData.Classes(16, 4, 3, seed: 5);
        var model = new SparseXentMlp(seed: 4);
        model.Compile(new Adam(), Losses.SparseCategoricalCrossentropy);
        model.Fit(x, y, epochs: 1, batchSize: 8, verbose: 0);
        string path = Path.Combine(KerasData.NewFolder(), "small.weights.h5");
        model.SaveWeights(path);
        return (File.ReadAllBytes(path), model);
    }

    private static void Save(Model model, string path, Action<AtomicWriteStage>? hook)
    {
        if (path.EndsWith(".keras", StringComparison.Ordinal))
        {
            model.Save(path, hook);
        }
        else
        {
            model.SaveWeights(path, hook);
        }
    }
}

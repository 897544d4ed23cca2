namespace StaticKeras.Saving.Tests;

/// <summary>Never lose a file: a write interrupted at any step leaves the previous file loadable.</summary>
public sealed class AtomicFileTests
{
    public static TheoryData<int> Stages() => new(Enum.GetValues<AtomicWriteStage>().Select(s => (int)s));

    [Theory]
    [MemberData(nameof(Stages))]
    public void A_write_interrupted_after_any_step_leaves_the_old_file_or_the_whole_new_one(int stage)
    {
        string dir = TestFiles.NewFolder();
        string path = Path.Combine(dir, "m.weights.h5");
        KerasWeights old = SampleWeights.Create(seed: 1), next = SampleWeights.Create(seed: 2);
        KerasWeightsFile.Write(path, old);

        Assert.Throws<SimulatedCrash>(() => AtomicFile.Write(path, s => KerasWeightsFile.Write(s, next), at =>
        {
            if (at == (AtomicWriteStage)stage)
            {
                throw new SimulatedCrash();
            }
        }));

        KerasWeights expected = (AtomicWriteStage)stage == AtomicWriteStage.Renamed ? next : old;
        Assert.Equal(SampleWeights.Fingerprint(expected), SampleWeights.Fingerprint(KerasWeightsFile.Read(path)));
        Assert.Equal([path], Directory.GetFiles(dir)); // the temporary file is gone
    }

    [Fact]
    public void A_failing_serializer_leaves_the_old_file_untouched()
    {
        string dir = TestFiles.NewFolder();
        string path = Path.Combine(dir, "m.weights.h5");
        KerasWeightsFile.Write(path, SampleWeights.Create());
        byte[] before = File.ReadAllBytes(path);

        Assert.Throws<SimulatedCrash>(() => AtomicFile.Write(path, s =>
        {
            s.Write(new byte[1000]);
            throw new SimulatedCrash();
        }));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(dir));
    }

    [Fact]
    public void A_temporary_file_left_by_a_killed_process_neither_hides_the_file_nor_blocks_the_next_write()
    {
        string dir = TestFiles.NewFolder();
        string path = Path.Combine(dir, "m.weights.h5");
        KerasWeightsFile.Write(path, SampleWeights.Create(seed: 1));
        File.WriteAllBytes(AtomicFile.TemporaryPath(path), new byte[100]); // what a kill -9 mid-write leaves

        KerasWeightsFile.Write(path, SampleWeights.Create(seed: 3));

        Assert.Equal(SampleWeights.Fingerprint(SampleWeights.Create(seed: 3)), SampleWeights.Fingerprint(KerasWeightsFile.Read(path)));
    }

    [Fact]
    public void The_first_write_creates_the_file()
    {
        string path = Path.Combine(TestFiles.NewFolder(), "new.weights.h5");

        KerasWeightsFile.Write(path, SampleWeights.Create());

        Assert.True(File.Exists(path));
    }

    private sealed class SimulatedCrash : Exception
    {
    }
}

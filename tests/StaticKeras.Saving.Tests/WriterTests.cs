using System.IO.Compression;
using System.Text.Json;

namespace StaticKeras.Saving.Tests;

/// <summary>What we write reads back bit for bit, in our reader and in PureHDF, in Keras 3's layout.</summary>
public sealed class WriterTests
{
    [Fact]
    public void A_weights_file_reads_back_bit_identical_with_names_dtypes_and_shapes()
    {
        string path = Path.Combine(TestFiles.NewFolder(), "m.weights.h5");
        KerasWeights written = SampleWeights.Create();
        KerasWeightsFile.Write(path, written);

        KerasWeights read = KerasWeightsFile.Read(path);

        Assert.Equal(SampleWeights.Fingerprint(written), SampleWeights.Fingerprint(read));
        Assert.Equal("sequential", read.ModelName);
        Assert.Equal(["hidden", "batch_normalization", "forward_gru_cell", "dropout"], read.Layers.Select(l => l.Name));
        Assert.Equal("adam", read.Optimizer!.Name);
        Assert.Equal(1234, read.Optimizer.Iterations);
        Assert.Equal("checkpoint", Assert.Single(read.Others).Path);
    }

    [Fact]
    public void PureHDF_reads_every_dataset_and_name_we_write_at_Keras_paths()
    {
        string path = Path.Combine(TestFiles.NewFolder(), "m.weights.h5");
        KerasWeights written = SampleWeights.Create();
        KerasWeightsFile.Write(path, written);

        var independent = IndependentReader.Datasets(path);

        Assert.Equal(written.AllGroups().Sum(g => g.Variables.Count), independent.Count);
        foreach (VariableGroup g in written.AllGroups())
        {
            for (int i = 0; i < g.Variables.Count; i++)
            {
                KerasVariable v = g.Variables[i];
                (ulong[] shape, object? values) = independent[g.VariablePath(i)];
                Assert.Equal(v.Shape.Select(d => (ulong)d), shape);
                Assert.Equal(OurReader.Values(v), values);
            }

            Assert.Equal([g.Name!], IndependentReader.StringAttribute(path, g.Path + "/vars", "name"));
        }

        Assert.Equal(["sequential"], IndependentReader.StringAttribute(path, "vars", "name"));
    }

    [Fact]
    public void A_legacy_file_we_write_reads_back_with_its_configs_and_weight_order()
    {
        string path = Path.Combine(TestFiles.NewFolder(), "m.h5");
        var dense = new LayerVariables("dense_1", "dense_1", [
            KerasVariable.Float32("dense_1/kernel:0", [2, 3], new float[] { 1, 2, 3, 4, 5, 6 }),
            KerasVariable.Float32("dense_1/bias:0", [3], new float[] { 7, 8, 9 }),
        ]);
        var relu = new LayerVariables("activation_1", "activation_1", []);
        LegacyKerasFile.Write(path, new LegacyKerasModel([dense, relu], "{\"class_name\": \"Sequential\"}", "{\"loss\": \"mse\"}", "2.15.0"));

        LegacyKerasModel read = LegacyKerasFile.Read(path);

        Assert.Equal("{\"class_name\": \"Sequential\"}", read.ModelConfig);
        Assert.Equal("{\"loss\": \"mse\"}", read.TrainingConfig);
        Assert.Equal("2.15.0", read.KerasVersion);
        Assert.Equal(["dense_1", "activation_1"], read.Layers.Select(l => l.Key));
        Assert.Equal(["dense_1/kernel:0", "dense_1/bias:0"], read.Layer("dense_1").Variables.Select(v => v.Name));
        Assert.Equal([7f, 8, 9], read.Layer("dense_1").Variables[1].AsFloat32().ToArray());
        Assert.Equal([1f, 2, 3, 4, 5, 6], (float[])IndependentReader.Datasets(path)["model_weights/dense_1/dense_1/kernel:0"].Values!);
    }

    [Fact]
    public void A_legacy_layer_with_names_over_64_KB_splits_them_as_Keras_2_does_and_reads_back_in_order()
    {
        // 3000 weights of ~40-byte names exceed one header's 64,512 bytes: Keras writes weight_names0, weight_names1, ...
        string path = Path.Combine(TestFiles.NewFolder(), "big.h5");
        var variables = Enumerable.Range(0, 3000).Select(i => KerasVariable.Float32($"big/a_rather_long_weight_name_{i:D5}:0", [1], new float[] { i })).ToList();
        LegacyKerasFile.Write(path, new LegacyKerasModel([new LayerVariables("big", "big", variables)]));

        LegacyKerasModel read = LegacyKerasFile.Read(path);

        Assert.Equal(variables.Select(v => v.Name), read.Layer("big").Variables.Select(v => v.Name));
        Assert.Equal(Enumerable.Range(0, 3000).Select(i => (float)i), read.Layer("big").Variables.Select(v => v.AsFloat32()[0]));
        var root = Hdf5.H5Node.OpenRoot(File.ReadAllBytes(path), "big.h5").Member("big")!;
        Assert.Null(root.Attribute("weight_names"));
        Assert.Equal(1500, root.Attribute("weight_names0")!.Strings().Length);
        Assert.Equal(1500, root.Attribute("weight_names1")!.Strings().Length);
    }

    [Fact]
    public void A_keras_archive_holds_three_stored_members_and_reads_back()
    {
        string path = Path.Combine(TestFiles.NewFolder(), "m.keras");
        KerasWeights weights = SampleWeights.Create();
        const string Config = "{\"module\": \"keras\", \"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential\", \"layers\": []}}";
        new KerasArchive(Config, weights, KerasArchive.Metadata("3.10.0", new DateTime(2026, 5, 13, 21, 23, 40))).Write(path);

        using (ZipArchive zip = ZipFile.OpenRead(path))
        {
            Assert.Equal(["metadata.json", "config.json", "model.weights.h5"], zip.Entries.Select(e => e.FullName));
            Assert.All(zip.Entries, e => Assert.Equal(e.Length, e.CompressedLength)); // stored, as Keras writes them
        }

        KerasArchive read = KerasArchive.Read(path);
        Assert.Equal(Config, read.ConfigJson);
        Assert.Equal("{\"keras_version\":\"3.10.0\",\"date_saved\":\"2026-05-13@21:23:40\"}", read.MetadataJson);
        Assert.Equal(SampleWeights.Fingerprint(weights), SampleWeights.Fingerprint(read.Weights));
    }

    [Fact]
    public void A_real_Keras_archive_rewritten_by_us_keeps_every_variable_and_the_config()
    {
        KerasArchive original = KerasArchive.Read(TestFiles.Keras3("sleepecg_ws_gru_mesa_classifier.keras"));
        string path = Path.Combine(TestFiles.NewFolder(), "copy.keras");
        original.Write(path);

        KerasArchive copy = KerasArchive.Read(path);

        Assert.Equal(original.ConfigJson, copy.ConfigJson);
        Assert.Equal(SampleWeights.Fingerprint(original.Weights), SampleWeights.Fingerprint(copy.Weights));
        using JsonDocument _ = JsonDocument.Parse(copy.MetadataJson);
    }

    [Fact]
    public void Writing_rejects_two_groups_at_one_key_and_names_that_HDF5_cannot_hold()
    {
        string path = Path.Combine(TestFiles.NewFolder(), "m.weights.h5");
        var a = new LayerVariables("dense", null, []);

        var duplicate = Assert.Throws<ArgumentException>(() => KerasWeightsFile.Write(path, [a, a]));
        Assert.Contains("'layers/dense'", duplicate.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => KerasWeightsFile.Write(path, [new LayerVariables("a//b", null, [])]));
        Assert.False(File.Exists(path));
    }
}

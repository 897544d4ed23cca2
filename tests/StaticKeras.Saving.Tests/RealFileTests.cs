using System.IO.Compression;
using System.Text.Json;

namespace StaticKeras.Saving.Tests;

/// <summary>The real files Keras and h5py wrote (tests/data/keras_models, tests/data/hdf5) read completely and correctly.</summary>
public sealed class RealFileTests
{
    public static TheoryData<string> LegacyFiles() => new(TestFiles.LegacyH5().Select(Path.GetFileName)!);

    public static TheoryData<string> LayoutFiles() => new("earliest.h5", "latest.h5");

    [Theory]
    [MemberData(nameof(LegacyFiles))]
    public void Every_dataset_of_a_legacy_file_equals_what_PureHDF_reads(string file)
    {
        string path = TestFiles.LegacyH5().Single(p => Path.GetFileName(p) == file);
        OurReader.AssertSame(IndependentReader.Datasets(path), OurReader.Datasets(path));
    }

    [Theory]
    [InlineData("dl4j_simple_sparse_xent/simple_sparse_xent_mlp_keras_2_model.h5", "2.3.1", "dense_1,activation_1")]
    [InlineData("dl4j_simple_rnn/simple_rnn_tf_keras_2_model.h5", "2.1.3", "simple_rnn_1,dense_1")]
    [InlineData("dl4j_single_layer/conv1d_k2_s1_d2_cl_valid_model.h5", "2.3.1", "conv0")]
    [InlineData("dl4j_single_layer/ELU_0_model.h5", "2.3.1", "dense,elu_1")]
    public void A_legacy_whole_model_file_gives_its_config_layers_and_weights_in_order(string file, string version, string layers)
    {
        LegacyKerasModel model = LegacyKerasFile.Read(Path.Combine(TestFiles.KerasModels, file));

        Assert.Equal(version, model.KerasVersion);
        Assert.Equal("tensorflow", model.Backend);
        Assert.Equal(layers.Split(','), model.Layers.Select(l => l.Key));
        using JsonDocument config = JsonDocument.Parse(model.ModelConfig!);
        Assert.Equal("Sequential", config.RootElement.GetProperty("class_name").GetString());
        using JsonDocument training = JsonDocument.Parse(model.TrainingConfig!);
        var independent = IndependentReader.Datasets(Path.Combine(TestFiles.KerasModels, file));
        foreach (LayerVariables layer in model.Layers.Where(l => l.Variables.Count > 0))
        {
            string[] names = IndependentReader.StringAttribute(Path.Combine(TestFiles.KerasModels, file), "model_weights/" + layer.Key, "weight_names");
            Assert.Equal(names.Select(n => n.TrimEnd('\0')), layer.Variables.Select(v => v.Name));
            foreach (KerasVariable v in layer.Variables)
            {
                Assert.Equal((float[]?)independent["model_weights/" + layer.Key + "/" + v.Name].Values, v.AsFloat32().ToArray());
            }
        }
    }

    [Fact]
    public void A_legacy_weights_only_file_holds_the_same_weights_as_its_whole_model_file()
    {
        string dir = Path.Combine(TestFiles.KerasModels, "dl4j_simple_rnn");
        LegacyKerasModel whole = LegacyKerasFile.Read(Path.Combine(dir, "simple_rnn_tf_keras_2_model.h5"));
        LegacyKerasModel weights = LegacyKerasFile.Read(Path.Combine(dir, "simple_rnn_tf_keras_2_weights.h5"));

        Assert.Null(weights.ModelConfig);
        Assert.Equal("2.1.3", weights.KerasVersion);
        Assert.Equal(["simple_rnn_1/kernel:0", "simple_rnn_1/recurrent_kernel:0", "simple_rnn_1/bias:0"], weights.Layer("simple_rnn_1").Variables.Select(v => v.Name));
        Assert.Equal([50, 50], weights.Layer("simple_rnn_1").Variables[1].Shape);
        foreach (LayerVariables layer in whole.Layers)
        {
            for (int i = 0; i < layer.Variables.Count; i++)
            {
                Assert.Equal(layer.Variables[i].AsFloat32().ToArray(), weights.Layer(layer.Key).Variables[i].AsFloat32().ToArray());
            }
        }

        Assert.Equal(5, whole.Optimizer!.Variables.Count); // RMSprop accumulators of a Keras 2.1 file
    }

    [Fact]
    public void The_nested_container_archive_holds_the_constants_Keras_asserts()
    {
        KerasArchive archive = KerasArchive.Read(TestFiles.Keras3("pre_pr22362_nested_container.keras"));

        Assert.Equal("3.15.0", archive.KerasVersion);
        Assert.Equal("nested_dense_model", archive.Weights.ModelName);
        Assert.Equal(["dense", "dense_1", "dense_2", "dense_3"], archive.Weights.Layers.Select(l => l.Key));
        Assert.Equal(["d_0", "d_1", "d_2", "dense"], archive.Weights.Layers.Select(l => l.Name));
        for (int i = 0; i < 3; i++)
        {
            Assert.All(archive.Weights.Layer(i == 0 ? "dense" : "dense_" + i).Float32(0, [4, 4]).ToArray(), w => Assert.Equal(0.1f * (i + 1), w));
        }

        Assert.All(archive.Weights.Layer("dense_3").Float32(0, [4, 2]).ToArray(), w => Assert.Equal(0.5f, w));
        Assert.All(archive.Weights.Layer("dense_3").Float32(1, [2]).ToArray(), w => Assert.Equal(0f, w));
        Assert.Null(archive.Weights.Optimizer);
    }

    [Fact]
    public void The_sleepecg_archive_gives_its_config_layer_shapes_and_RMSprop_state()
    {
        string path = TestFiles.Keras3("sleepecg_ws_gru_mesa_classifier.keras");
        KerasArchive archive = KerasArchive.Read(path);
        KerasWeights w = archive.Weights;

        using JsonDocument config = JsonDocument.Parse(archive.ConfigJson);
        Assert.Equal("Sequential", config.RootElement.GetProperty("class_name").GetString());
        Assert.Equal("3.3.3", archive.KerasVersion);
        Assert.Null(w.ModelName); // Keras 3.3 wrote no name attributes
        Assert.Equal(4, w.Layer("batch_normalization").Variables.Count);
        w.Layer("dense").Float32(0, [36, 64]);
        w.Layer("bidirectional/forward_layer/cell").Float32(0, [64, 24]);
        w.Layer("bidirectional/backward_layer/cell").Float32(2, [2, 24]); // GRU reset_after bias
        w.Layer("bidirectional_1/forward_layer/cell").Float32(1, [8, 24]);
        Assert.Empty(w.Layer("masking").Variables);
        Assert.Empty(w.Layer("re_lu").Variables);

        OptimizerVariables rmsprop = w.Optimizer!;
        Assert.Equal(20, rmsprop.Variables.Count); // iterations, learning rate, one slot per trainable variable
        Assert.True(rmsprop.Iterations > 0);
        rmsprop.Float32(1, []);
        rmsprop.Float32(18, [16, 3]);

        // Every variable equals what PureHDF reads from the archive's weights file.
        string dir = TestFiles.NewFolder();
        using (ZipArchive zip = ZipFile.OpenRead(path))
        {
            zip.GetEntry("model.weights.h5")!.ExtractToFile(Path.Combine(dir, "model.weights.h5"));
        }

        var independent = IndependentReader.Datasets(Path.Combine(dir, "model.weights.h5"));
        foreach (VariableGroup g in w.AllGroups())
        {
            for (int i = 0; i < g.Variables.Count; i++)
            {
                Assert.Equal(OurReader.Values(g.Variables[i]), independent[g.VariablePath(i)].Values);
            }
        }

        Assert.Equal(independent.Count, w.AllGroups().Sum(g => g.Variables.Count));
    }

    [Theory]
    [MemberData(nameof(LayoutFiles))]
    public void Every_h5py_layout_and_filter_reads_the_values_h5py_wrote(string file)
    {
        // tests/data/hdf5/make_files.py: value i of every float dataset is 0.5 i - 3.
        string path = Path.Combine(TestFiles.Hdf5, file);
        var ours = OurReader.Datasets(path);
        OurReader.AssertSame(IndependentReader.Datasets(path), ours);
        foreach (string name in new[] { "layers/dense/vars/0", "layers/dense/vars/2", "layers/dense/vars/3" })
        {
            float[] v = (float[])ours[name].Values;
            Assert.Equal(Enumerable.Range(0, v.Length).Select(i => (0.5f * i) - 3), v);
        }

        Assert.Equal(Enumerable.Range(0, 5).Select(i => (0.5 * i) - 3), (double[])ours["layers/dense/vars/1"].Values); // big-endian float64
        Assert.Equal([1234567890123L], (long[])ours["optimizer/vars/0"].Values);
        Assert.Equal([(1UL << 63) + 5, 7UL], (ulong[])ours["counters"].Values);
        Assert.Equal([0, 1, 2, 3, 4, 5], (int[])ours["ints"].Values); // big-endian int32
    }

    [Fact]
    public void Dense_link_and_attribute_storage_reads_every_member_and_attribute()
    {
        // h5py with libver='latest' moves more than 8 links or attributes into a fractal heap with a
        // v2 B-tree name index (two levels for 60 links), and a 100 KB attribute into a huge object.
        string path = Path.Combine(TestFiles.Hdf5, "dense.h5");
        var root = Hdf5.H5Node.OpenRoot(File.ReadAllBytes(path), "dense.h5");
        Hdf5.H5Node vars = root.Member("optimizer")!.Member("vars")!;

        Assert.Equal(Enumerable.Range(0, 60).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal), vars.MemberNames.Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => "value " + i), Enumerable.Range(0, 20).Select(i => vars.Attribute("a" + i)!.String()));
        Assert.Equal(new string('x', 100000), root.Attribute("model_config")!.String());
        KerasWeights weights = KerasWeightsFile.Read(path);
        Assert.Equal(60, weights.Optimizer!.Variables.Count);
        for (int i = 0; i < 60; i++)
        {
            Assert.Equal([i, i], weights.Optimizer.Float32(i, [2]).ToArray());
        }

        OurReader.AssertSame(IndependentReader.Datasets(path), OurReader.Datasets(path));
    }

    [Theory]
    [InlineData("btree", 35)]
    [InlineData("btree_gzip", 35)]
    [InlineData("earray", 27)]
    [InlineData("earray_gzip", 120)]
    [InlineData("earray_dim1", 54)]
    [InlineData("earray_long", 1200)]
    public void Datasets_with_unlimited_dimensions_read_through_their_chunk_index(string name, int count)
    {
        // make_files.py: unlimited.h5, value i is 0.5 i - 3; v2 B-tree (two unlimited dimensions) or extensible array (one).
        string path = Path.Combine(TestFiles.Hdf5, "unlimited.h5");
        var node = Hdf5.H5Node.OpenRoot(File.ReadAllBytes(path), "unlimited.h5").Member(name)!;

        float[] values = VariableCodec.Read(node, name).AsFloat32().ToArray();

        Assert.Equal(Enumerable.Range(0, count).Select(i => (0.5f * i) - 3), values);
        if (name != "earray_dim1")
        {
            // PureHDF 2.2 fails on an unlimited dimension other than the first (index out of range in its SwizzleCoords).
            Assert.Equal(IndependentReader.Float32(path, name), values);
        }
    }

    [Fact]
    public void String_attributes_of_every_kind_read_as_h5py_wrote_them()
    {
        var root = Hdf5.H5Node.OpenRoot(File.ReadAllBytes(Path.Combine(TestFiles.Hdf5, "earliest.h5")), "earliest.h5");
        Hdf5.H5Node vars = root.Member("layers")!.Member("dense")!.Member("vars")!;

        Assert.Equal("dense", vars.Attribute("name")!.String()); // variable-length, global heap
        Assert.Equal(["dense/kernel:0", "dense/bias:0"], vars.Attribute("weight_names")!.Strings()); // fixed-length array
        Assert.Empty(vars.Attribute("empty")!.Strings()); // Keras 2's empty weight_names
    }
}

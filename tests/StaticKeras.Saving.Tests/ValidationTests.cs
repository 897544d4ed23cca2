namespace StaticKeras.Saving.Tests;

/// <summary>A file that does not match the model fails with a message naming the file, the weight and both sides.</summary>
public sealed class ValidationTests
{
    private static readonly KerasWeights Sleepecg = KerasArchive.Read(TestFiles.Keras3("sleepecg_ws_gru_mesa_classifier.keras")).Weights;

    [Fact]
    public void A_shape_mismatch_names_the_file_the_variable_and_both_shapes()
    {
        var e = Assert.Throws<ModelFileException>(() => Sleepecg.Layer("dense").Float32(0, [36, 32]));

        Assert.Equal("sleepecg_ws_gru_mesa_classifier.keras/model.weights.h5", e.FilePath);
        Assert.Equal("layers/dense/vars/0", e.ObjectPath);
        Assert.Contains("is float32 (36, 64) but the model expects float32 (36, 32)", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dtype_mismatch_and_a_missing_variable_are_named()
    {
        var dtype = Assert.Throws<ModelFileException>(() => Sleepecg.Optimizer!.Float32(0, []));
        var missing = Assert.Throws<ModelFileException>(() => Sleepecg.Layer("dense").Float32(2, [64]));

        Assert.Contains("is int64 () but the model expects float32 ()", dtype.Problem, StringComparison.Ordinal);
        Assert.Equal("layers/dense/vars/2", missing.ObjectPath);
        Assert.Contains("stores 2 variables", missing.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_layer_lists_the_keys_the_file_has()
    {
        var e = Assert.Throws<ModelFileException>(() => Sleepecg.Layer("conv2d"));

        Assert.Equal("layers/conv2d", e.ObjectPath);
        Assert.Contains("masking", e.Problem, StringComparison.Ordinal);
        Assert.Contains("bidirectional_1/forward_layer/cell", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vars_group_with_a_gap_in_its_numbering_is_rejected()
    {
        var root = Hdf5.H5WriteNode.Group(string.Empty);
        Hdf5.H5WriteNode vars = root.GroupAt("layers/dense/vars");
        vars.Children.Add(Hdf5.H5WriteNode.Dataset("0", Hdf5.H5Type.Float32, [1], new byte[4]));
        vars.Children.Add(Hdf5.H5WriteNode.Dataset("2", Hdf5.H5Type.Float32, [1], new byte[4]));
        using var stream = new MemoryStream();
        Hdf5.H5Writer.Write(stream, root);

        var e = Assert.Throws<ModelFileException>(() => KerasWeightsFile.Read(stream.ToArray(), "gap.weights.h5"));

        Assert.Equal("layers/dense/vars", e.ObjectPath);
        Assert.Contains("'2'", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_layer_names_read_as_legacy_says_what_is_missing_and_which_reader_to_use()
    {
        var e = Assert.Throws<ModelFileException>(() => LegacyKerasFile.Read(TestFiles.Keras3("../dl4j_simple_rnn/simple_rnn_tf_keras_2_inputs_and_outputs.h5")));

        Assert.Contains("no 'layer_names' attribute", e.Problem, StringComparison.Ordinal);
        Assert.Contains("KerasWeightsFile", e.Problem, StringComparison.Ordinal);
    }
}

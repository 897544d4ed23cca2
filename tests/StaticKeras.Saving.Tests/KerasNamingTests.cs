namespace StaticKeras.Saving.Tests;

/// <summary>Keys equal what Keras 3's naming.to_snake_case and _save_container_state produce (values from running them).</summary>
public sealed class KerasNamingTests
{
    [Theory]
    [InlineData("Dense", "dense")]
    [InlineData("BatchNormalization", "batch_normalization")]
    [InlineData("ReLU", "re_lu")]
    [InlineData("Conv2D", "conv2d")]
    [InlineData("GRU", "gru")]
    [InlineData("LSTMCell", "lstm_cell")]
    [InlineData("Conv1DTranspose", "conv1d_transpose")]
    [InlineData("PReLU", "p_re_lu")]
    [InlineData("RMSprop", "rm_sprop")]
    [InlineData("MultiHeadAttention", "multi_head_attention")]
    [InlineData("HTTPServer2Layer", "http_server2_layer")]
    [InlineData("Dense 2!", "dense2")]
    public void Snake_case_matches_Keras(string className, string expected) => Assert.Equal(expected, KerasNaming.ToSnakeCase(className));

    [Fact]
    public void Save_keys_count_repeats_per_class_as_the_sleepecg_file_shows()
    {
        // The sleepecg Sequential: Masking, BatchNormalization, Dense, ReLU, Bidirectional x2, Dense.
        string[] classes = ["Masking", "BatchNormalization", "Dense", "ReLU", "Bidirectional", "Bidirectional", "Dense"];
        var keys = KerasNaming.SaveKeys(classes);

        Assert.Equal(["masking", "batch_normalization", "dense", "re_lu", "bidirectional", "bidirectional_1", "dense_1"], keys);
        KerasWeights file = KerasArchive.Read(TestFiles.Keras3("sleepecg_ws_gru_mesa_classifier.keras")).Weights;
        Assert.All(keys, k => file.Layer(k));
    }
}

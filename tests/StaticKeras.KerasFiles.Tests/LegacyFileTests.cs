using StaticKeras.KerasFiles.Tests.TestModels;

namespace StaticKeras.KerasFiles.Tests;

/// <summary>Keras 2 models saved by Python (tests/data/keras_models), loaded into declared models, reproduce Keras's own predictions.</summary>
public sealed class LegacyFileTests
{
    public static TheoryData<string, string> Files() => new()
    {
        { "dl4j_simple_sparse_xent/simple_sparse_xent_mlp_keras_2_model.h5", "dl4j_simple_sparse_xent/simple_sparse_xent_mlp_keras_2_inputs_and_outputs.h5" },
        { "dl4j_simple_sparse_xent/simple_sparse_xent_mlp_keras_2_weights.h5", "dl4j_simple_sparse_xent/simple_sparse_xent_mlp_keras_2_inputs_and_outputs.h5" },
        { "dl4j_single_layer/ReLU_0_model.h5", "dl4j_single_layer/ReLU_0_inputs_and_outputs.h5" },
        { "dl4j_single_layer/ELU_0_model.h5", "dl4j_single_layer/ELU_0_inputs_and_outputs.h5" },
        { "dl4j_single_layer/Softmax_0_model.h5", "dl4j_single_layer/Softmax_0_inputs_and_outputs.h5" },
        { "dl4j_single_layer/conv1d_k2_s1_d1_cl_same_model.h5", "dl4j_single_layer/conv1d_k2_s1_d1_cl_same_inputs_and_outputs.h5" },
        { "dl4j_single_layer/conv1d_k2_s1_d2_cl_valid_model.h5", "dl4j_single_layer/conv1d_k2_s1_d2_cl_valid_inputs_and_outputs.h5" },
        { "dl4j_single_layer/conv1d_k2_s2_d1_cl_valid_model.h5", "dl4j_single_layer/conv1d_k2_s2_d1_cl_valid_inputs_and_outputs.h5" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void LoadWeights_into_the_declared_model_reproduces_Kerass_predictions(string model, string data)
    {
        Model m = Declared(model);
        m.LoadWeights(KerasData.File(model));

        float[] x = KerasData.Only(data, "inputs");
        float[] expected = KerasData.Only(data, "predictions");
        float[] predicted = m.Predict(x);

        Assert.Equal(expected.Length, predicted.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - predicted[i]) <= 1e-5, $"value {i}: Keras {expected[i]}, ours {predicted[i]}");
        }
    }

    [Fact]
    public void A_legacy_file_of_another_model_is_refused_and_the_weights_stay()
    {
        var m = new DenseRelu(seed: 1);
        float[] before = m.GetWeights().SelectMany(w => w).ToArray();

        var e = Assert.Throws<ModelFileException>(() => m.LoadWeights(KerasData.File("dl4j_simple_sparse_xent/simple_sparse_xent_mlp_keras_2_model.h5")));

        Assert.Contains("dense_1", e.Message);
        Assert.Contains("(16, 32)", e.Message);
        Assert.Equal(before, m.GetWeights().SelectMany(w => w).ToArray());
    }

    private static Model Declared(string file) => Path.GetFileName(file) switch
    {
        var f when f.StartsWith("simple_sparse", StringComparison.Ordinal) => new SparseXentMlp(seed: 1),
        var f when f.StartsWith("ReLU", StringComparison.Ordinal) => new DenseRelu(seed: 1),
        var f when f.StartsWith("ELU", StringComparison.Ordinal) => new DenseElu(seed: 1),
        var f when f.StartsWith("conv1d_k2_s1_d1", StringComparison.Ordinal) => new Conv1DSame(seed: 1),
        var f when f.StartsWith("conv1d_k2_s1_d2", StringComparison.Ordinal) => new Conv1DDilated(seed: 1),
        var f when f.StartsWith("conv1d_k2_s2", StringComparison.Ordinal) => new Conv1DStrided(seed: 1),
        _ => new DenseSoftmax(seed: 1),
    };
}

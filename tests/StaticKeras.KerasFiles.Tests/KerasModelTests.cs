using StaticKeras.KerasFiles.Tests.TestModels;

namespace StaticKeras.KerasFiles.Tests;

/// <summary>[KerasModel]: a Keras file compiled into a class gives the file's model, its summary and Keras's predictions.</summary>
public sealed class KerasModelTests
{
    [Fact]
    public void An_imported_model_with_embedded_weights_reproduces_Kerass_predictions()
    {
        var model = new ImportedSparseXent(seed: 1);
        model.LoadKerasWeights();

        AssertPredicts(model, "dl4j_simple_sparse_xent/simple_sparse_xent_mlp_keras_2_inputs_and_outputs.h5");
        Assert.Equal(4, ImportedSparseXent.InputSize);
        Assert.Equal(15, ImportedSparseXent.ParameterCount);
    }

    [Fact]
    public void Models_imported_from_h5_and_json_files_reproduce_Kerass_predictions()
    {
        var elu = new ImportedElu(seed: 1);
        elu.LoadKerasWeights(KerasData.File("dl4j_single_layer/ELU_0_model.h5"));
        AssertPredicts(elu, "dl4j_single_layer/ELU_0_inputs_and_outputs.h5");

        var relu = new ImportedRelu(seed: 1);
        relu.LoadWeights(KerasData.File("dl4j_single_layer/ReLU_0_model.h5"));
        AssertPredicts(relu, "dl4j_single_layer/ReLU_0_inputs_and_outputs.h5");

        var softmax = new ImportedSoftmax(seed: 1);
        softmax.LoadKerasWeights();
        AssertPredicts(softmax, "dl4j_single_layer/Softmax_0_inputs_and_outputs.h5");
    }

    [Fact]
    public void Conv1D_models_imported_from_h5_and_json_files_reproduce_Kerass_predictions()
    {
        var same = new ImportedConv1DSame(seed: 1);
        same.LoadKerasWeights();
        AssertPredicts(same, "dl4j_single_layer/conv1d_k2_s1_d1_cl_same_inputs_and_outputs.h5");
        Assert.Equal([16, 4], same.Definition.OutputShape);

        var dilated = new ImportedConv1DDilated(seed: 1);
        dilated.LoadWeights(KerasData.File("dl4j_single_layer/conv1d_k2_s1_d2_cl_valid_model.h5"));
        AssertPredicts(dilated, "dl4j_single_layer/conv1d_k2_s1_d2_cl_valid_inputs_and_outputs.h5");
        Assert.Equal([14, 4], dilated.Definition.OutputShape);
    }

    [Fact]
    public void The_summary_lists_the_files_layers_with_their_names_shapes_and_parameters()
    {
        string table = new ImportedSparseXent(seed: 1).Definition.SummaryTable;

        Assert.Contains("│ dense_1 (Dense)                      │ (None, 3)                   │              15 │", table);
        Assert.Contains("│ activation_1 (Activation)            │ (None, 3)                   │               0 │", table);
        Assert.DoesNotContain("input", table); // a Sequential's summary has no input row
        Assert.Equal(["dense_1_input", "dense_1", "activation_1"], new ImportedSparseXent(seed: 1).Definition.KerasGroups.Select(g => g.Name).Prepend("dense_1_input"));
    }

    [Fact]
    public void An_imported_model_is_the_same_class_a_declaration_gives_it_trains_and_saves()
    {
        var model = new ImportedElu(seed: 2);
        model.Compile(new Adam(), Losses.MeanSquaredError);
        float[] x = TrainingData.Classes(8, 16, 2, seed: 1).X;
        model.Fit(x, new float[8 * 32], epochs: 1, verbose: 0);
        string path = Path.Combine(KerasData.NewFolder(), "elu.keras");
        model.Save(path);

        var declared = new DenseElu(seed: 3);
        declared.Load(path); // the declared twin accepts the imported model's archive: same config

        Assert.Equal(TrainingData.Bits(model), TrainingData.Bits(declared));
    }

    private static void AssertPredicts(Model model, string data)
    {
        float[] expected = KerasData.Only(data, "predictions");
        float[] predicted = model.Predict(KerasData.Only(data, "inputs"));
        Assert.Equal(expected.Length, predicted.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - predicted[i]) <= 1e-5, $"value {i}: Keras {expected[i]}, ours {predicted[i]}");
        }
    }
}

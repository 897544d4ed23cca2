using System.Text.Json;
using PureHDF;
using StaticKeras.KerasFiles.Tests.TestModels;

namespace StaticKeras.KerasFiles.Tests;

/// <summary>Save then load gives the same bits, for every layer that exists (non-trainable state included), in Keras's layout.</summary>
public sealed class RoundTripTests
{
    private static EveryLayer Trained(int seed)
    {
        var model = new EveryLayer(seed: seed);
        (float[] x, int[] y) = TrainingData.Classes(64, 4, 3, seed);
        model.Adapt(x);
        model.Compile(new Adam(learningRate: 1e-2f), Losses.SparseCategoricalCrossentropy, [Metrics.Accuracy]);
        model.Fit(x, y, epochs: 2, batchSize: 16, verbose: 0);
        return model;
    }

    [Fact]
    public void SaveWeights_then_LoadWeights_restores_every_weight_state_and_optimizer_variable_bit_for_bit()
    {
        EveryLayer saved = Trained(seed: 3);
        string path = Path.Combine(KerasData.NewFolder(), "every.weights.h5");
        saved.SaveWeights(path);

        var loaded = new EveryLayer(seed: 99);
        loaded.Compile(new Adam(learningRate: 1e-2f), Losses.SparseCategoricalCrossentropy);
        Assert.NotEqual(TrainingData.Bits(saved), TrainingData.Bits(loaded));
        loaded.LoadWeights(path);

        Assert.Equal(TrainingData.Bits(saved), TrainingData.Bits(loaded));
        Assert.Equal(TrainingData.OptimizerBits(saved).Iterations, TrainingData.OptimizerBits(loaded).Iterations);
        Assert.Equal(TrainingData.OptimizerBits(saved).Bits, TrainingData.OptimizerBits(loaded).Bits);
        Assert.Contains(saved.Definition.Weights, w => !w.Trainable); // normalization's mean, variance and count round-trip too
        float[] x = TrainingData.Classes(5, 4, 3, seed: 8).X;
        Assert.Equal(saved.Predict(x), loaded.Predict(x));
    }

    [Fact]
    public void Save_then_Load_of_a_keras_archive_restores_the_same_bits()
    {
        EveryLayer saved = Trained(seed: 4);
        string path = Path.Combine(KerasData.NewFolder(), "every.keras");
        saved.Save(path);

        var loaded = new EveryLayer(seed: 98);
        loaded.Load(path);

        Assert.Equal(TrainingData.Bits(saved), TrainingData.Bits(loaded));
    }

    [Fact]
    public void The_weights_file_uses_Kerass_keys_in_Kerass_order()
    {
        string path = Path.Combine(KerasData.NewFolder(), "every.weights.h5");
        new EveryLayer(seed: 1).SaveWeights(path);

        KerasWeights file = KerasWeightsFile.Read(path);

        // A Functional model's layers in its operations' order (inputs first, by depth), keyed by class with a counter;
        // each block is a nested Functional model with its own InputLayer.
        Assert.Equal(
            [
                "input_layer", "normalization", "dense", "p_re_lu",
                "functional", "functional/layers/input_layer", "functional/layers/dense", "functional/layers/add",
                "functional_1", "functional_1/layers/input_layer", "functional_1/layers/dense", "functional_1/layers/add",
                "dense_1", "concatenate", "dropout", "leaky_re_lu", "dense_2",
            ],
            file.Layers.Select(l => l.Key));
        // 'skip' reads the input but sits at depth 4 from the output, after both blocks (keras/src/ops/function.py, map_graph).
        Assert.Equal(["features", "normalization", "dense", "p_re_lu", "residual_unit"], file.Layers.Take(5).Select(l => l.Name));
        Assert.Equal("skip", file.Layer("dense_1").Name);
        Assert.Equal(3, file.Layer("normalization").Variables.Count); // mean, variance, count: non-trainable state
        Assert.Equal([6, 6], file.Layer("functional/layers/dense").Variables[0].Shape);
        Assert.Equal("every_layer", file.ModelName);
    }

    [Fact]
    public void A_file_a_model_writes_opens_in_PureHDF_with_the_same_values()
    {
        EveryLayer model = Trained(seed: 5);
        string path = Path.Combine(KerasData.NewFolder(), "every.weights.h5");
        model.SaveWeights(path);

        using var file = H5File.OpenRead(path);
        foreach (KerasGroupDefinition group in model.Definition.KerasGroups)
        {
            for (int i = 0; i < group.Weights.Length; i++)
            {
                WeightDefinition w = model.Definition.Weights[group.Weights[i]];
                float[] values = file.Dataset($"{group.Path}/vars/{i}").Read<float[]>();
                Assert.Equal(model.GetWeight(w.Path).ToArray(), values);
            }
        }

        Assert.Equal(model.Optimizer!.Iterations, file.Dataset("optimizer/vars/0").Read<long[]>()[0]);
    }

    [Fact]
    public void The_archive_config_names_every_layers_Keras_class_and_arguments()
    {
        EveryLayer model = Trained(seed: 6);
        string path = Path.Combine(KerasData.NewFolder(), "every.keras");
        model.Save(path);

        using JsonDocument config = JsonDocument.Parse(KerasArchive.Read(path).ConfigJson);
        JsonElement root = config.RootElement;
        Assert.Equal("Functional", root.GetProperty("class_name").GetString());
        JsonElement[] layers = root.GetProperty("config").GetProperty("layers").EnumerateArray().ToArray();
        Assert.Equal(
            ["InputLayer", "Normalization", "Dense", "PReLU", "Functional", "Functional", "Dense", "Concatenate", "Dropout", "LeakyReLU", "Dense"],
            layers.Select(l => l.GetProperty("class_name").GetString()));
        JsonElement skip = layers[6].GetProperty("config");
        Assert.Equal("skip", skip.GetProperty("name").GetString());
        Assert.False(skip.GetProperty("use_bias").GetBoolean());
        Assert.Equal(0.25, layers[8].GetProperty("config").GetProperty("rate").GetDouble());
        Assert.Equal("residual_unit_1", layers[7].GetProperty("inbound_nodes")[0].GetProperty("args")[0][0].GetProperty("config").GetProperty("keras_history")[0].GetString());
        Assert.Equal("adam", root.GetProperty("compile_config").GetProperty("optimizer").GetProperty("config").GetProperty("name").GetString());
        Assert.Equal("sparse_categorical_crossentropy", root.GetProperty("compile_config").GetProperty("loss").GetString());
    }

    [Fact]
    public void Loading_an_archive_of_another_declaration_names_the_first_difference_and_changes_nothing()
    {
        string path = Path.Combine(KerasData.NewFolder(), "mlp.keras");
        new ResumeMlp(seed: 1).Save(path);
        var other = new ResumeMlpOtherRate(seed: 2);
        int[] before = TrainingData.Bits(other);

        var e = Assert.Throws<ModelFileException>(() => other.Load(path));

        Assert.Equal("config.json", e.ObjectPath);
        Assert.Contains("layer 2 ('dropout')", e.Message);
        Assert.Contains("rate = 0.3 in the file but 0.5 in ResumeMlpOtherRate's declaration", e.Message);
        Assert.Equal(before, TrainingData.Bits(other));
        other.LoadWeights(path); // the weights alone fit
        Assert.Equal(TrainingData.Bits(new ResumeMlp(seed: 1)), TrainingData.Bits(other));
    }
}

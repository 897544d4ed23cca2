using StaticKeras.KerasFiles.Tests.TestModels;

namespace StaticKeras.KerasFiles.Tests;

/// <summary>
/// The two real Keras 3 archives (tests/data/keras_models/keras3). The nested-container one loads
/// into a declared model with the constants Keras's own test asserts; the sleepecg one's layers
/// (Masking, BatchNormalization, Bidirectional GRU) do not exist yet, so its config and shapes are
/// read and its RMSprop state checked against what our RMSprop lists for the same weights.
/// </summary>
public sealed class Keras3ArchiveTests
{
    [Fact]
    public void The_nested_container_archive_loads_into_a_declared_model_with_Kerass_constants()
    {
        var model = new NestedDense(seed: 1);
        model.LoadWeights(KerasData.File("keras3/pre_pr22362_nested_container.keras"));

        for (int i = 0; i < 3; i++)
        {
            Assert.All(model.GetWeight(i == 0 ? "dense/kernel" : $"dense_{i}/kernel").ToArray(), w => Assert.Equal(0.1f * (i + 1), w));
        }

        Assert.All(model.GetWeight("dense_3/kernel").ToArray(), w => Assert.Equal(0.5f, w));
        Assert.All(model.GetWeight("dense_3/bias").ToArray(), w => Assert.Equal(0f, w));
        float[] y = model.Predict([1, 1, 1, 1]);
        Assert.Equal(2, y.Length);
        Assert.All(y, v => Assert.Equal(4 * 0.5f * (4 * 0.3f) * (4 * 0.2f) * (4 * 0.1f), v, 5)); // each layer sums its 4 inputs
    }

    [Fact]
    public void The_sleepecg_archive_gives_its_config_shapes_and_RMSprop_state_in_Kerass_order()
    {
        KerasArchive archive = KerasArchive.Read(KerasData.File("keras3/sleepecg_ws_gru_mesa_classifier.keras"));
        using var config = System.Text.Json.JsonDocument.Parse(archive.ConfigJson);
        string[] classes = config.RootElement.GetProperty("config").GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("class_name").GetString()!).ToArray();
        Assert.Equal(["InputLayer", "Masking", "BatchNormalization", "Dense", "ReLU", "Bidirectional", "Bidirectional", "Dense"], classes);
        Assert.Equal("rmsprop", config.RootElement.GetProperty("compile_config").GetProperty("optimizer").GetString());

        // RMSprop lists iteration, learning_rate, then one velocity per trainable weight, in the layers' order.
        OptimizerVariables rmsprop = archive.Weights.Optimizer!;
        int[][] trainable =
        [
            [36], [36], [36, 64], [64],
            [64, 24], [8, 24], [2, 24], [64, 24], [8, 24], [2, 24],
            [16, 24], [8, 24], [2, 24], [16, 24], [8, 24], [2, 24],
            [16, 3], [3],
        ];
        Assert.Equal(2 + trainable.Length, rmsprop.Variables.Count);
        Assert.True(rmsprop.Iterations > 0);
        for (int i = 0; i < trainable.Length; i++)
        {
            rmsprop.Float32(2 + i, trainable[i]);
        }

        // The Dense part, as StaticKeras would declare it, takes its weights and its RMSprop slots.
        float[] kernel = archive.Weights.Layer("dense").Float32(0, [36, 64]).ToArray();
        Assert.Equal(36 * 64, kernel.Length);
        Assert.Contains(rmsprop.Float32(4, [36, 64]).ToArray(), v => v > 0); // the kernel's velocity is trained state
    }
}

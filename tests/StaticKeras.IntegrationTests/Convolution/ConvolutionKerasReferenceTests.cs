using System.Text.Json;
using StaticKeras.IntegrationTests.TestModels;

namespace StaticKeras.IntegrationTests.Convolution;

/// <summary>The ../shared/data/keras_ref cases of Conv2D and BatchNormalization, through generated models with the cases' weights.</summary>
public sealed class ConvolutionKerasReferenceTests
{
    [Theory]
    [InlineData("conv2d_same_s1")]
    [InlineData("conv2d_valid_s1")]
    public void Conv2D_predicts_what_Keras_computes(string id)
    {
        using var reference = KerasCase.Load("layers", id);
        Model model = id.Contains("same") ? new KerasConvSame(seed: 1) : new KerasConvValid(seed: 1);
        model.SetWeights([reference.Weight("kernel"), reference.Weight("bias")]);
        reference.AssertClose("y", model.Predict(reference.Input("x")));
    }

    [Fact]
    public void Conv2D_gradients_are_what_Keras_computes()
    {
        using var reference = KerasCase.Load("gradients", "grad_conv2d_same_s1_mse");
        var model = new KerasConvGradient(seed: 1);
        model.SetWeights([reference.Weight("kernel"), reference.Weight("bias")]);
        model.Compile(new SGD(), Losses.MeanSquaredError);
        float loss = model.ComputeGradients(reference.Input("x"), reference.Input("y_true"));
        reference.AssertClose("loss", [loss]);
        reference.AssertClose("d_loss/d_kernel", model.GetWeightGradient("conv2d/kernel").ToArray());
        reference.AssertClose("d_loss/d_bias", model.GetWeightGradient("conv2d/bias").ToArray());
    }

    [Fact]
    public void BatchNormalization_predicts_with_the_moving_statistics_as_Keras()
    {
        using var reference = KerasCase.Load("layers", "batchnorm_inference");
        var model = new KerasBatchNorm4(seed: 1);
        model.SetWeights(new[] { "gamma", "beta", "moving_mean", "moving_variance" }.Select(reference.Weight).ToList());
        reference.AssertClose("y", model.Predict(reference.Input("x")));
    }

    [Fact]
    public void BatchNormalization_trains_with_the_batch_statistics_and_moves_the_moving_ones_as_Keras()
    {
        using var reference = KerasCase.Load("layers", "batchnorm_training_step_rank2");
        var model = new KerasBatchNorm3(seed: 1);
        model.SetWeights(new[] { "gamma", "beta", "moving_mean", "moving_variance" }.Select(reference.Weight).ToList());
        reference.AssertClose("y", model.TrainingOutput(reference.Input("x")));
        reference.AssertClose("moving_mean_after", model.GetWeight("batch_normalization/moving_mean").ToArray());
        reference.AssertClose("moving_variance_after", model.GetWeight("batch_normalization/moving_variance").ToArray());
    }
}

/// <summary>One keras_ref case file: its inputs, weights and expected values, compared with the case's tolerance.</summary>
internal sealed class KerasCase : IDisposable
{
    private readonly JsonDocument json;

    private KerasCase(JsonDocument json) => this.json = json;

    private JsonElement Root => json.RootElement;

    public static KerasCase Load(string folder, string id) =>
        new(JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "keras_ref", folder, id + ".json"))));

    public float[] Input(string name) => Data(Root.GetProperty("inputs").GetProperty(name));

    public float[] Weight(string name) => Data(Root.GetProperty("weights").EnumerateArray().First(w => w.GetProperty("name").GetString() == name));

    /// <summary>Asserts <paramref name="actual"/> is the expected value within <c>atol + rtol · |expected|</c>.</summary>
    public void AssertClose(string expected, float[] actual)
    {
        float[] want = Data(Root.GetProperty("expected").GetProperty(expected));
        double rtol = Root.GetProperty("tolerance").GetProperty("rtol").GetDouble(), atol = Root.GetProperty("tolerance").GetProperty("atol").GetDouble();
        Assert.Equal(want.Length, actual.Length);
        for (int i = 0; i < want.Length; i++)
        {
            Assert.True(Math.Abs(actual[i] - want[i]) <= atol + (rtol * Math.Abs(want[i])), $"{Root.GetProperty("id").GetString()} {expected}[{i}]: {actual[i]} vs Keras {want[i]}");
        }
    }

    public void Dispose() => json.Dispose();

    private static float[] Data(JsonElement e) =>
        (e.ValueKind == JsonValueKind.Object ? e.GetProperty("data") : e) is { ValueKind: JsonValueKind.Array } a
            ? a.EnumerateArray().Select(v => (float)v.GetDouble()).ToArray()
            : [(float)(e.ValueKind == JsonValueKind.Object ? e.GetProperty("data") : e).GetDouble()];
}

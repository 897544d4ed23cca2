using StaticKeras.Onnx;

namespace StaticKeras.Onnx.Tests;

/// <summary>A model described as its layers in order: DESIGN.md's MNIST CNN, shrunk, against the layer references composed.</summary>
public sealed class LayerChainTests
{
    [Fact]
    public void A_small_CNN_written_layer_by_layer_matches_its_layers_composed()
    {
        Tensor x = Tensor.Random(1, 2, 8, 8, 1);
        float[] k1 = Tensor.Random(2, 3, 3, 1, 4).Data, b1 = Tensor.Random(3, 4).Data;
        float[] k2 = Tensor.Random(4, 3, 3, 4, 6).Data, b2 = Tensor.Random(5, 6).Data;
        float[] dense = Tensor.Random(6, 24, 10).Data, bias = Tensor.Random(7, 10).Data;

        float[] y = Ort.RunLayer(x, [2, 10], (g, input) =>
        {
            string h = g.Conv("conv2d", input, new OnnxConvolution([8, 8], 1, 4, [3, 3]), k1, b1, "relu");            // (2, 6, 6, 4)
            h = g.MaxPooling("max_pooling2d", h, new OnnxPooling([6, 6], [2, 2]));                                   // (2, 3, 3, 4)
            h = g.Conv("conv2d_1", h, new OnnxConvolution([3, 3], 4, 6, [3, 3]) { Padding = "same" }, k2, b2, "relu"); // (2, 3, 3, 6)
            h = g.MaxPooling("max_pooling2d_1", h, new OnnxPooling([3, 3], [2, 2]) { Padding = "same" });           // (2, 2, 2, 6)
            h = g.Flatten("flatten", h);                                                                             // (2, 24)
            h = g.Dropout("dropout", h, 0.5f);
            return g.Dense("dense", h, dense, bias, 24, 10, "softmax");
        });

        float[] a = [.. Reference.Conv2D(x.Data, 2, new Axis(8, 3), new Axis(8, 3), 1, k1, b1, 4, "valid").Select(v => Math.Max(0, v))];
        a = Reference.Pool2D(a, 2, new Axis(6, 2, 2), new Axis(6, 2, 2), 4, "valid", max: true);
        a = [.. Reference.Conv2D(a, 2, new Axis(3, 3), new Axis(3, 3), 4, k2, b2, 6, "same").Select(v => Math.Max(0, v))];
        a = Reference.Pool2D(a, 2, new Axis(3, 2, 2), new Axis(3, 2, 2), 6, "same", max: true);
        Close.Equal(Reference.Softmax(Reference.Dense(a, dense, bias, 2, 24, 10), 10, log: false), y);
    }
}

using Google.Protobuf;

namespace StaticKeras.Benchmarks.Onnx;

/// <summary>The CNN of ../shared/peers as ONNX (NCHW, as ONNX Runtime's convolutions expect), with the weights of a channels-last model.</summary>
public static partial class OnnxWriter
{
    /// <summary>
    /// Conv 32 3×3 → Relu → MaxPool 2 → Conv 64 3×3 → Relu → MaxPool 2 → Flatten → Gemm 10 →
    /// Softmax on <c>(batch, 1, 28, 28)</c> (the memory of a channels-last 28×28×1 image). Keras's
    /// kernels <c>(kh, kw, in, out)</c> become ONNX's <c>(out, in, kh, kw)</c>, and the Dense
    /// kernel's rows are reordered from channels-last <c>(h, w, c)</c> to the <c>(c, h, w)</c> that
    /// ONNX's Flatten of NCHW gives, so both compute the same function with no transposes at run time.
    /// </summary>
    public static byte[] Cnn(string name, float[] kernel1, float[] bias1, float[] kernel2, float[] bias2, float[] denseKernel, float[] denseBias)
    {
        long[] pool = [2, 2];
        var nodes = new List<byte[]>
        {
            Node("Conv", "conv1", ["x", "conv1/kernel", "conv1/bias"], ["c1"], []),
            Node("Relu", "relu1", ["c1"], ["r1"], []),
            Node("MaxPool", "pool1", ["r1"], ["p1"], [IntsAttribute("kernel_shape", pool), IntsAttribute("strides", pool)]),
            Node("Conv", "conv2", ["p1", "conv2/kernel", "conv2/bias"], ["c2"], []),
            Node("Relu", "relu2", ["c2"], ["r2"], []),
            Node("MaxPool", "pool2", ["r2"], ["p2"], [IntsAttribute("kernel_shape", pool), IntsAttribute("strides", pool)]),
            Node("Flatten", "flatten", ["p2"], ["f"], []),
            Node("Gemm", "dense", ["f", "dense/kernel", "dense/bias"], ["z"], []),
            Node("Softmax", "softmax", ["z"], ["y"], [IntAttribute("axis", 1)]),
        };
        var initializers = new List<byte[]>
        {
            Tensor("conv1/kernel", [32, 1, 3, 3], OutInHeightWidth(kernel1, 3, 3, 1, 32)),
            Tensor("conv1/bias", [32], bias1),
            Tensor("conv2/kernel", [64, 32, 3, 3], OutInHeightWidth(kernel2, 3, 3, 32, 64)),
            Tensor("conv2/bias", [64], bias2),
            Tensor("dense/kernel", [5 * 5 * 64, 10], ChannelsFirstRows(denseKernel, 5, 5, 64, 10)),
            Tensor("dense/bias", [10], denseBias),
        };
        return Model(name, nodes, initializers, ValueInfo("x", [1, 28, 28]), ValueInfo("y", 10));
    }

    /// <summary>Keras's <c>(kh, kw, in, out)</c> kernel as ONNX's <c>(out, in, kh, kw)</c>.</summary>
    private static float[] OutInHeightWidth(float[] kernel, int kh, int kw, int inputs, int outputs)
    {
        var result = new float[kernel.Length];
        for (int h = 0; h < kh; h++)
        {
            for (int w = 0; w < kw; w++)
            {
                for (int i = 0; i < inputs; i++)
                {
                    for (int o = 0; o < outputs; o++)
                    {
                        result[(((((o * inputs) + i) * kh) + h) * kw) + w] = kernel[(((((h * kw) + w) * inputs) + i) * outputs) + o];
                    }
                }
            }
        }

        return result;
    }

    /// <summary>A Dense kernel over a flattened <c>(h, w, c)</c> image, its rows reordered to a flattened <c>(c, h, w)</c> one.</summary>
    private static float[] ChannelsFirstRows(float[] kernel, int height, int width, int channels, int units)
    {
        var result = new float[kernel.Length];
        for (int h = 0; h < height; h++)
        {
            for (int w = 0; w < width; w++)
            {
                for (int c = 0; c < channels; c++)
                {
                    int from = (((h * width) + w) * channels) + c, to = (((c * height) + h) * width) + w;
                    Array.Copy(kernel, from * units, result, to * units, units);
                }
            }
        }

        return result;
    }

    private static byte[] IntsAttribute(string name, long[] values) => Message(o =>
    {
        Text(o, 1, name);
        foreach (long v in values)
        {
            o.WriteTag(8, WireFormat.WireType.Varint);
            o.WriteInt64(v);
        }

        o.WriteTag(20, WireFormat.WireType.Varint);
        o.WriteInt32(IntsType);
    });
}

using StaticKeras.Onnx;

namespace StaticKeras.Onnx.Tests;

/// <summary>Conv, ConvTranspose, MaxPool, AveragePool and the global pools on channels-last values.</summary>
public sealed class ConvolutionTests
{
    [Theory]
    [InlineData("valid", 2, 1)]
    [InlineData("same", 1, 2)]
    [InlineData("same", 2, 1)]
    [InlineData("causal", 1, 2)]
    public void Conv1D_matches_Keras(string padding, int stride, int dilation)
    {
        var axis = new Axis(9, 3, stride, dilation);
        int output = axis.Conv(padding).Output;
        Tensor x = Tensor.Random(1, 2, 9, 3);
        float[] kernel = Tensor.Random(2, 3, 3, 4).Data, bias = Tensor.Random(3, 4).Data;
        var conv = new OnnxConvolution([9], 3, 4, [3]) { Strides = [stride], DilationRate = [dilation], Padding = padding };
        float[] y = Ort.RunLayer(x, [2, output, 4], (g, input) => g.Conv("conv1d", input, conv, kernel, bias));
        Close.Equal(Reference.Conv2D(x.Data, 2, new Axis(1, 1), axis, 3, kernel, bias, 4, padding), y);
    }

    [Theory]
    [InlineData("valid", 1, 1, 1)]
    [InlineData("same", 2, 1, 1)]  // 6 → 3: the odd padding pixel at the end
    [InlineData("valid", 1, 2, 1)]
    [InlineData("same", 1, 1, 2)]
    public void Conv2D_matches_Keras_with_strides_dilations_and_groups(string padding, int stride, int dilation, int groups)
    {
        Axis h = new(6, 3, stride, dilation), w = new(7, 2, stride, dilation);
        Tensor x = Tensor.Random(4, 2, 6, 7, 4);
        float[] kernel = Tensor.Random(5, 3, 2, 4 / groups, 6).Data, bias = Tensor.Random(6, 6).Data;
        var conv = new OnnxConvolution([6, 7], 4, 6, [3, 2]) { Strides = [stride, stride], DilationRate = [dilation, dilation], Padding = padding, Groups = groups };
        float[] y = Ort.RunLayer(x, [2, h.Conv(padding).Output, w.Conv(padding).Output, 6], (g, input) => g.Conv("conv2d", input, conv, kernel, bias, activation: "relu"));
        float[] expected = Reference.Conv2D(x.Data, 2, h, w, 4, kernel, bias, 6, padding, groups);
        Close.Equal([.. expected.Select(v => Math.Max(0, v))], y);
    }

    [Fact]
    public void The_Conv_kernel_is_stored_OIHW_between_channel_transposes()
    {
        var g = new OnnxGraphBuilder("g");
        var conv = new OnnxConvolution([4, 4], 2, 3, [3, 3]);
        g.Conv("conv2d", g.AddInput("x", [OnnxDim.Batch, 4, 4, 2]), conv, new float[3 * 3 * 2 * 3], []);
        Assert.Equal(["Transpose", "Conv", "Transpose"], g.Nodes.Select(n => n.OpType));
        Assert.Equal([3L, 2, 3, 3], g.Initializers.Single(t => t.Name == "conv2d/kernel").Dims.ToArray());
        Assert.Equal("conv2d", g.Nodes[1].Name);
    }

    [Theory]
    [InlineData("valid", 2, 3)]
    [InlineData("same", 2, 3)]
    [InlineData("valid", 3, 2)] // stride above the kernel: Keras's output padding
    [InlineData("same", 1, 3)]
    public void ConvTranspose_matches_Keras(string padding, int stride, int size)
    {
        Axis h = new(4, size, stride), w = new(3, size, stride);
        Tensor x = Tensor.Random(7, 2, 4, 3, 3);
        float[] kernel = Tensor.Random(8, size, size, 5, 3).Data, bias = Tensor.Random(9, 5).Data;
        var conv = new OnnxConvolution([4, 3], 3, 5, [size, size]) { Strides = [stride, stride], Padding = padding };
        float[] expected = Reference.ConvTranspose2D(x.Data, 2, h, w, 3, kernel, bias, 5, padding);
        int oh = padding == "same" ? 4 * stride : (4 * stride) + Math.Max(size - stride, 0);
        int ow = padding == "same" ? 3 * stride : (3 * stride) + Math.Max(size - stride, 0);
        float[] y = Ort.RunLayer(x, [2, oh, ow, 5], (g, input) => g.ConvTranspose("conv2d_transpose", input, conv, kernel, bias));
        Close.Equal(expected, y);
    }

    [Theory]
    [InlineData("valid", 2, 2)]
    [InlineData("same", 3, 2)]
    [InlineData("same", 2, 1)]
    public void MaxPool_and_AveragePool_match_Keras_and_same_padding_averages_only_the_inside(string padding, int size, int stride)
    {
        Axis h = new(5, size, stride), w = new(6, size, stride);
        Tensor x = Tensor.Random(10, 2, 5, 6, 3);
        var pool = new OnnxPooling([5, 6], [size, size]) { Strides = [stride, stride], Padding = padding };
        long[] shape = [2, h.Conv(padding).Output, w.Conv(padding).Output, 3];
        Close.Equal(Reference.Pool2D(x.Data, 2, h, w, 3, padding, max: true), Ort.RunLayer(x, shape, (g, input) => g.MaxPooling("max_pooling2d", input, pool)));
        Close.Equal(Reference.Pool2D(x.Data, 2, h, w, 3, padding, max: false), Ort.RunLayer(x, shape, (g, input) => g.AveragePooling("average_pooling2d", input, pool)));
    }

    [Fact]
    public void MaxPool1D_pools_the_time_axis()
    {
        Tensor x = Tensor.Random(11, 2, 7, 3);
        var pool = new OnnxPooling([7], [2]);
        float[] y = Ort.RunLayer(x, [2, 3, 3], (g, input) => g.MaxPooling("max_pooling1d", input, pool));
        Close.Equal(Reference.Pool2D(x.Data, 2, new Axis(1, 1), new Axis(7, 2, 2), 3, "valid", max: true), y);
    }

    [Fact]
    public void Global_pools_reduce_every_spatial_axis_to_batch_by_channels()
    {
        Tensor x = Tensor.Random(12, 2, 3, 4, 5);
        float[] mean = Ort.RunLayer(x, [2, 5], (g, input) => g.GlobalAveragePooling("global_average_pooling2d", input, 2));
        float[] max = Ort.RunLayer(x, [2, 5], (g, input) => g.GlobalMaxPooling("global_max_pooling2d", input, 2));
        Close.Equal(Reference.Pool2D(x.Data, 2, new Axis(3, 3), new Axis(4, 4), 5, "valid", max: false), mean);
        Close.Equal(Reference.Pool2D(x.Data, 2, new Axis(3, 3), new Axis(4, 4), 5, "valid", max: true), max);
    }
}

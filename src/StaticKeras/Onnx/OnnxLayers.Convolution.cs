using System;
using System.Collections.Generic;

namespace StaticKeras.Onnx;

public static partial class OnnxLayers
{
    /// <summary>
    /// Keras's Conv1D/Conv2D/Conv3D (channels-last): the kernel <c>(k..., in/groups, filters)</c>
    /// is stored as ONNX's <c>(filters, in/groups, k...)</c> and the padding as explicit pads
    /// (Keras's <c>'same'</c> puts the odd pixel at the end; <c>'causal'</c> pads the start only).
    /// </summary>
    /// <param name="g">The graph.</param>
    /// <param name="name">The layer's name.</param>
    /// <param name="input">The channels-last value the layer reads.</param>
    /// <param name="conv">The layer's settings.</param>
    /// <param name="kernel">The kernel as Keras stores it.</param>
    /// <param name="bias">The bias <c>(filters)</c>; empty for <c>use_bias=False</c>.</param>
    /// <param name="activation">A Keras activation name, or null.</param>
    public static string Conv(this OnnxGraphBuilder g, string name, string input, OnnxConvolution conv, ReadOnlySpan<float> kernel, ReadOnlySpan<float> bias, string? activation = null)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(conv);
        conv.Check(name);
        int inputsPerGroup = conv.InputChannels / conv.Groups;
        int[] size = [.. conv.KernelSize];
        float[] w = KerasLayouts.ConvKernel(kernel, size, inputsPerGroup, conv.Filters);
        string weights = g.AddInitializer(Step(name, "kernel"), [conv.Filters, inputsPerGroup, .. Longs(size)], w);
        string[] inputs = bias.IsEmpty ? ["", weights] : ["", weights, g.AddInitializer(Step(name, "bias"), [conv.Filters], bias)];
        int rank = conv.Rank + 2;
        inputs[0] = ToChannelsFirst(g, name, input, rank);
        string result = Op(g, "Conv", name, Step(name, "conv"), inputs,
            OnnxAttribute.Ints("kernel_shape", Longs(size)),
            OnnxAttribute.Ints("strides", Longs(Each(conv.Rank, conv.Stride))),
            OnnxAttribute.Ints("dilations", Longs(Each(conv.Rank, conv.Dilation))),
            OnnxAttribute.Ints("pads", ConvPads(name, conv)),
            OnnxAttribute.Int("group", conv.Groups));
        return Finish(g, name, result, rank, activation);
    }

    /// <summary>
    /// Keras's Conv1DTranspose/Conv2DTranspose/Conv3DTranspose: the kernel <c>(k..., filters, in)</c>
    /// as ONNX's <c>(in, filters, k...)</c>, Keras's padding (keras/src/backend/common/backend_utils.py,
    /// <c>_convert_conv_transpose_padding_args_from_keras_to_jax</c>) as ONNX pads and output_padding.
    /// </summary>
    /// <inheritdoc cref="Conv"/>
    public static string ConvTranspose(this OnnxGraphBuilder g, string name, string input, OnnxConvolution conv, ReadOnlySpan<float> kernel, ReadOnlySpan<float> bias, string? activation = null)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(conv);
        conv.Check(name);
        if (conv.Groups != 1)
        {
            throw new OnnxExportException(name, "Keras's transposed convolutions have no groups.");
        }

        int[] size = [.. conv.KernelSize];
        float[] w = KerasLayouts.ConvTransposeKernel(kernel, size, conv.Filters, conv.InputChannels);
        string weights = g.AddInitializer(Step(name, "kernel"), [conv.InputChannels, conv.Filters, .. Longs(size)], w);
        string[] inputs = bias.IsEmpty ? ["", weights] : ["", weights, g.AddInitializer(Step(name, "bias"), [conv.Filters], bias)];
        int rank = conv.Rank + 2;
        inputs[0] = ToChannelsFirst(g, name, input, rank);
        (long[] pads, long[] outputPadding) = ConvTransposePads(name, conv);
        string result = Op(g, "ConvTranspose", name, Step(name, "conv"), inputs,
            OnnxAttribute.Ints("kernel_shape", Longs(size)),
            OnnxAttribute.Ints("strides", Longs(Each(conv.Rank, conv.Stride))),
            OnnxAttribute.Ints("dilations", Longs(Each(conv.Rank, conv.Dilation))),
            OnnxAttribute.Ints("pads", pads),
            OnnxAttribute.Ints("output_padding", outputPadding));
        return Finish(g, name, result, rank, activation);
    }

    /// <summary>Keras's ZeroPadding1D/2D/3D: <paramref name="padding"/> gives (before, after) per spatial dimension.</summary>
    public static string ZeroPadding(this OnnxGraphBuilder g, string name, string input, IReadOnlyList<(int Before, int After)> padding)
    {
        ArgumentNullException.ThrowIfNull(padding);
        int rank = padding.Count + 2;
        var pads = new long[2 * rank]; // ONNX: every axis's start, then every axis's end; batch and channels unpadded
        for (int i = 0; i < padding.Count; i++)
        {
            pads[i + 1] = padding[i].Before;
            pads[rank + i + 1] = padding[i].After;
        }

        return Op(g, "Pad", name, name, [input, Int64s(g, name, "pads", pads)], OnnxAttribute.String("mode", "constant"));
    }

    /// <summary>
    /// Keras's UpSampling1D/2D/3D by integer <paramref name="size"/> per spatial dimension as ONNX
    /// Resize on the channels-last value: <c>nearest</c> repeats each pixel (ONNX nearest,
    /// asymmetric coordinates, floor), <c>bilinear</c> interpolates with half-pixel centres as
    /// Keras's image resize does.
    /// </summary>
    public static string UpSampling(this OnnxGraphBuilder g, string name, string input, IReadOnlyList<int> size, string interpolation = "nearest")
    {
        ArgumentNullException.ThrowIfNull(size);
        var scales = new float[size.Count + 2];
        Array.Fill(scales, 1f);
        for (int i = 0; i < size.Count; i++)
        {
            scales[i + 1] = size[i];
        }

        string scale = g.AddInitializer(Step(name, "scales"), [scales.Length], scales);
        OnnxAttribute[] attributes = interpolation switch
        {
            "nearest" => [OnnxAttribute.String("mode", "nearest"), OnnxAttribute.String("coordinate_transformation_mode", "asymmetric"), OnnxAttribute.String("nearest_mode", "floor")],
            "bilinear" => [OnnxAttribute.String("mode", "linear"), OnnxAttribute.String("coordinate_transformation_mode", "half_pixel")],
            _ => throw new OnnxExportException(name, $"the interpolation '{interpolation}' is not one ONNX Resize matches Keras on (nearest, bilinear)."),
        };
        return Op(g, "Resize", name, name, [input, "", scale], attributes);
    }

    /// <summary>The channels-first result back to channels-last, then the activation.</summary>
    private static string Finish(OnnxGraphBuilder g, string name, string channelsFirst, int rank, string? activation)
    {
        bool activated = activation is not null and not "linear";
        string last = ToChannelsLast(g, name, channelsFirst, rank, activated ? Step(name, "linear") : name);
        return activated ? FusedActivation(g, name, last, activation!) : last;
    }

    private static long[] ConvPads(string name, OnnxConvolution conv)
    {
        var pads = new long[2 * conv.Rank];
        for (int i = 0; i < conv.Rank; i++)
        {
            (int begin, int end) = conv.Padding switch
            {
                "valid" => (0, 0),
                "same" => KerasLayouts.SamePadding(conv.InputSpatial[i], conv.KernelSize[i], conv.Stride(i), conv.Dilation(i)),
                "causal" when conv.Rank == 1 => ((conv.KernelSize[i] - 1) * conv.Dilation(i), 0),
                _ => throw new OnnxExportException(name, $"padding '{conv.Padding}' is not one of Keras's (valid, same, and causal for Conv1D)."),
            };
            pads[i] = begin;
            pads[conv.Rank + i] = end;
        }

        return pads;
    }

    private static (long[] Pads, long[] OutputPadding) ConvTransposePads(string name, OnnxConvolution conv)
    {
        var pads = new long[2 * conv.Rank];
        var outputPadding = new long[conv.Rank];
        for (int i = 0; i < conv.Rank; i++)
        {
            int k = ((conv.KernelSize[i] - 1) * conv.Dilation(i)) + 1, s = conv.Stride(i);
            int? extra = conv.OutputPadding?[i];
            // Keras pads the stride-dilated input by (left, right) and convolves; ONNX instead
            // trims the full transposed convolution by k-1-left at the start and k-1-right at the end.
            (int left, int right) = conv.Padding switch
            {
                "valid" => (k - 1, k - 1 + (extra ?? (Math.Max(k, s) - k))),
                "same" => SameTransposePadding(k, s, extra),
                _ => throw new OnnxExportException(name, $"padding '{conv.Padding}' is not one of Keras's for transposed convolutions (valid, same)."),
            };
            pads[i] = k - 1 - left;
            int end = k - 1 - right;
            pads[conv.Rank + i] = Math.Max(0, end);
            outputPadding[i] = Math.Max(0, -end); // an end past the full output is ONNX's output_padding
            if (pads[i] < 0)
            {
                throw new OnnxExportException(name, $"its padding needs {-pads[i]} extra pixels before the output, which ONNX ConvTranspose cannot add.");
            }
        }

        return (pads, outputPadding);
    }

    private static (int Left, int Right) SameTransposePadding(int k, int s, int? outputPadding)
    {
        int length = outputPadding is { } extra ? k + s + extra - 2 : s + k - 2;
        int left = Math.Min((length / 2) + (length % 2), k - 1);
        return (left, length - left);
    }

    private static int[] Each(int count, Func<int, int> value)
    {
        var result = new int[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = value(i);
        }

        return result;
    }
}

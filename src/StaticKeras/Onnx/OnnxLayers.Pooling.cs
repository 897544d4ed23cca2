using System;

namespace StaticKeras.Onnx;

public static partial class OnnxLayers
{
    /// <summary>Keras's MaxPooling1D/2D/3D; padded positions never win (ONNX MaxPool ignores pads).</summary>
    public static string MaxPooling(this OnnxGraphBuilder g, string name, string input, OnnxPooling pool) =>
        Pool(g, "MaxPool", name, input, pool);

    /// <summary>
    /// Keras's AveragePooling1D/2D/3D. With <c>'same'</c> padding Keras averages only the positions
    /// inside the input, so the ONNX node has <c>count_include_pad=0</c>.
    /// </summary>
    public static string AveragePooling(this OnnxGraphBuilder g, string name, string input, OnnxPooling pool) =>
        Pool(g, "AveragePool", name, input, pool, OnnxAttribute.Int("count_include_pad", 0));

    /// <summary>Keras's GlobalAveragePooling1D/2D/3D (<c>keepdims=False</c>): <c>(N, d..., C)</c> → <c>(N, C)</c>.</summary>
    public static string GlobalAveragePooling(this OnnxGraphBuilder g, string name, string input, int spatialRank) =>
        GlobalPool(g, "GlobalAveragePool", name, input, spatialRank);

    /// <summary>Keras's GlobalMaxPooling1D/2D/3D (<c>keepdims=False</c>): <c>(N, d..., C)</c> → <c>(N, C)</c>.</summary>
    public static string GlobalMaxPooling(this OnnxGraphBuilder g, string name, string input, int spatialRank) =>
        GlobalPool(g, "GlobalMaxPool", name, input, spatialRank);

    private static string Pool(OnnxGraphBuilder g, string opType, string name, string input, OnnxPooling pool, params OnnxAttribute[] extra)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(pool);
        var pads = new long[2 * pool.Rank];
        var strides = new long[pool.Rank];
        for (int i = 0; i < pool.Rank; i++)
        {
            strides[i] = pool.Stride(i);
            (int begin, int end) = pool.Padding switch
            {
                "valid" => (0, 0),
                "same" => KerasLayouts.SamePadding(pool.InputSpatial[i], pool.PoolSize[i], pool.Stride(i), 1),
                _ => throw new OnnxExportException(name, $"padding '{pool.Padding}' is not one of Keras's (valid, same)."),
            };
            pads[i] = begin;
            pads[pool.Rank + i] = end;
        }

        int rank = pool.Rank + 2;
        string channelsFirst = ToChannelsFirst(g, name, input, rank);
        OnnxAttribute[] attributes =
        [
            OnnxAttribute.Ints("kernel_shape", Longs(pool.PoolSize)),
            OnnxAttribute.Ints("strides", strides),
            OnnxAttribute.Ints("pads", pads),
            .. extra,
        ];
        string pooled = Op(g, opType, name, Step(name, "pooled"), [channelsFirst], attributes);
        return ToChannelsLast(g, name, pooled, rank, name);
    }

    private static string GlobalPool(OnnxGraphBuilder g, string opType, string name, string input, int spatialRank)
    {
        string channelsFirst = ToChannelsFirst(g, name, input, spatialRank + 2);
        string pooled = Op(g, opType, name, Step(name, "pooled"), [channelsFirst]); // (N, C, 1, ...)
        return Op(g, "Flatten", Step(name, "flatten"), name, [pooled], OnnxAttribute.Int("axis", 1));
    }
}

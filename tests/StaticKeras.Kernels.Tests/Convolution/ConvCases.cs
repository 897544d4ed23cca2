namespace StaticKeras.Kernels.Tests.Convolution;

/// <summary>Named convolution geometries covering every path of the kernels: strides, dilation, odd 'same' padding, groups, 1×1, Conv1D causal, several GEMM tiles and depth blocks.</summary>
internal static class ConvCases
{
    public static readonly IReadOnlyDictionary<string, (ConvGeometry Geometry, int Batch)> All = new Dictionary<string, (ConvGeometry, int)>
    {
        ["3x3 valid"] = (new ConvGeometry(5, 6, 3, 4, 3, 3), 2),
        ["3x3 same stride 2, odd total padding"] = (Same(7, 8, 3, 5, 3, 3, 2, 2, 1, 1, 1), 2),
        ["3x3 dilation 2 same"] = (Same(9, 9, 2, 3, 3, 3, 1, 1, 2, 2, 1), 1),
        ["3x3 groups 2 same"] = (Same(6, 6, 4, 6, 3, 3, 1, 1, 1, 1, 2), 2),
        ["depthwise multiplier 2 same"] = (Same(5, 5, 3, 6, 3, 3, 1, 1, 1, 1, 3), 2),
        ["depthwise multiplier 1 stride 2 same"] = (Same(7, 6, 4, 4, 3, 3, 2, 2, 1, 1, 4), 2),
        ["depthwise multiplier 3 dilation 2 valid"] = (ConvGeometry.Depthwise(8, 7, 2, 3, 3, 2, dilationHeight: 2, dilationWidth: 2), 2),
        ["depthwise 40 channels 5x5 same"] = (Same(6, 6, 40, 40, 5, 5, 1, 1, 1, 1, 40), 3),
        ["5x3 strides (1, 2), explicit padding"] = (new ConvGeometry(8, 9, 3, 4, 5, 3, 1, 2, 1, 1, 2, 2, 1, 1), 1),
        ["1x1 pointwise"] = (new ConvGeometry(4, 5, 6, 7, 1, 1), 2),
        ["1x1 pointwise groups 3"] = (new ConvGeometry(3, 3, 6, 9, 1, 1, groups: 3), 1),
        ["1x1 stride 2"] = (new ConvGeometry(5, 5, 3, 2, 1, 1, 2, 2), 2),
        ["Conv1D causal dilation 2"] = (ConvGeometry.Conv1D(10, 3, 4, 3, dilation: 2, padBefore: 4), 2),
        ["Conv1D same stride 2, odd total padding"] = (ConvGeometry.Conv1D(9, 2, 3, 4, stride: 2, padBefore: 1, padAfter: 2), 2),
        ["32 to 40 channels, several tiles and an edge panel"] = (new ConvGeometry(9, 9, 32, 40, 3, 3), 3),
        ["depth 576, two depth blocks"] = (Same(6, 6, 64, 16, 3, 3, 1, 1, 1, 1, 1), 1),
        ["one channel, same, dilation (2, 1), stride (2, 1)"] = (Same(7, 6, 1, 3, 3, 2, 2, 1, 2, 1, 1), 2),
        ["one channel, stride 2 across the width"] = (Same(6, 7, 1, 2, 3, 3, 1, 2, 1, 1, 1), 2),
        ["Conv1D one channel causal"] = (ConvGeometry.Conv1D(12, 1, 3, 4, padBefore: 3), 2),
        ["Winograd: same, odd sizes, 20 channels to 24 filters, several chunks"] = (Same(9, 7, 20, 24, 3, 3, 1, 1, 1, 1, 1), 3),
        ["Winograd: explicit padding (2, 0, 0, 1)"] = (new ConvGeometry(6, 8, 16, 16, 3, 3, padTop: 2, padBottom: 0, padLeft: 0, padRight: 1), 2),
        ["CNN conv1 28x28x1 to 32"] = (new ConvGeometry(28, 28, 1, 32, 3, 3), 3),
        ["CNN conv2 13x13x32 to 64"] = (new ConvGeometry(13, 13, 32, 64, 3, 3), 2),
    };

    /// <summary>Cases small enough for finite differences of every input and weight.</summary>
    public static readonly string[] Small =
    [
        "3x3 valid", "3x3 same stride 2, odd total padding", "3x3 dilation 2 same", "3x3 groups 2 same",
        "5x3 strides (1, 2), explicit padding", "1x1 pointwise groups 3", "1x1 stride 2", "Conv1D causal dilation 2",
        "Conv1D same stride 2, odd total padding", "one channel, same, dilation (2, 1), stride (2, 1)",
        "one channel, stride 2 across the width", "Conv1D one channel causal", "depthwise multiplier 2 same",
        "depthwise multiplier 1 stride 2 same", "depthwise multiplier 3 dilation 2 valid",
    ];

    public static TheoryData<string> Names() => new(All.Keys);

    public static TheoryData<string> SmallNames() => new(Small);

    /// <summary>A geometry with Keras's 'same' padding on both axes.</summary>
    public static ConvGeometry Same(int h, int w, int c, int f, int kh, int kw, int sh, int sw, int dh, int dw, int groups)
    {
        (int top, int bottom) = ConvPadding.Same(h, kh, sh, dh);
        (int left, int right) = ConvPadding.Same(w, kw, sw, dw);
        return new ConvGeometry(h, w, c, f, kh, kw, sh, sw, dh, dw, top, bottom, left, right, groups);
    }
}

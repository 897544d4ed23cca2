namespace StaticKeras.Kernels;

/// <summary>
/// One group's view of a convolution input for the patch gatherers: the patch of output pixel
/// <c>m = (b·outputHeight + oh)·outputWidth + ow</c> is the row <c>m</c> of the im2col matrix,
/// element <c>k = (kh·kernelWidth + kw)·groupChannels + c</c> being input
/// <c>(b, oh·sh − padTop + kh·dh, ow·sw − padLeft + kw·dw, channelOffset + c)</c>, or zero
/// outside the input. A value type on the caller's stack, pointed to by
/// <see cref="GemmProblem.GatherContext"/> for the duration of one product.
/// </summary>
internal unsafe struct PatchSource
{
    /// <summary>The image: <c>(batch, height, width, channels)</c>.</summary>
    public float* Image;

    public int Height;
    public int Width;
    public int Channels;
    public int KernelHeight;
    public int KernelWidth;
    public int StrideHeight;
    public int StrideWidth;
    public int DilationHeight;
    public int DilationWidth;
    public int PadTop;
    public int PadLeft;
    public int OutputHeight;
    public int OutputWidth;

    /// <summary>Channels of one group, the length of one tap's run of a patch.</summary>
    public int GroupChannels;

    /// <summary>Floats of one patch, <c>kernelHeight · kernelWidth · groupChannels</c>.</summary>
    public int PatchLength;

    /// <summary>The group's first channel.</summary>
    public int ChannelOffset;

    /// <summary>Input rows from a patch's first kernel row to its last, <c>(kernelHeight − 1)·dilationHeight</c>.</summary>
    public int RowReach;

    /// <summary>Input columns from a patch's first kernel column to its last.</summary>
    public int ColumnReach;

    /// <summary>
    /// With one group and no dilation across the width, a kernel row's taps are adjacent in the
    /// image: <c>kernelWidth · channels</c> floats in one run; otherwise 0.
    /// </summary>
    public int RowRun;

    /// <summary>The view of group <paramref name="group"/> of <paramref name="image"/> under <paramref name="g"/>.</summary>
    public static PatchSource Create(in ConvGeometry g, float* image, int group) => new()
    {
        Image = image,
        Height = g.Height,
        Width = g.Width,
        Channels = g.Channels,
        KernelHeight = g.KernelHeight,
        KernelWidth = g.KernelWidth,
        StrideHeight = g.StrideHeight,
        StrideWidth = g.StrideWidth,
        DilationHeight = g.DilationHeight,
        DilationWidth = g.DilationWidth,
        PadTop = g.PadTop,
        PadLeft = g.PadLeft,
        OutputHeight = g.OutputHeight,
        OutputWidth = g.OutputWidth,
        GroupChannels = g.GroupChannels,
        PatchLength = g.PatchLength,
        ChannelOffset = g.GroupChannels * group,
        RowReach = (g.KernelHeight - 1) * g.DilationHeight,
        ColumnReach = (g.KernelWidth - 1) * g.DilationWidth,
        RowRun = g.Groups == 1 && g.DilationWidth == 1 ? g.KernelWidth * g.Channels : 0,
    };

    /// <summary>Whether every tap of the patch whose tap (0, 0) reads <c>(row, column)</c> lies inside the image.</summary>
    public readonly bool WholePatchInside(int row, int column) =>
        row >= 0 && column >= 0 && row + RowReach < Height && column + ColumnReach < Width;
}

/// <summary>
/// An output pixel walked in order: its sample's first element (at the group's channel offset)
/// and the input position of its kernel's first tap. Moving to the next pixel costs no division.
/// </summary>
internal unsafe struct PixelCursor
{
    /// <summary>The pixel's sample, at the group's first channel.</summary>
    public float* Sample;

    /// <summary>Input row of tap (0, 0); may be outside the input.</summary>
    public int Row;

    /// <summary>Input column of tap (0, 0); may be outside the input.</summary>
    public int Column;

    private int oh;
    private int ow;

    /// <summary>The pixel's output column.</summary>
    public readonly int OutputColumn => ow;

    /// <summary>The cursor at output pixel <paramref name="pixel"/> (counted over the whole batch).</summary>
    public PixelCursor(in PatchSource s, int pixel)
    {
        int pixels = s.OutputHeight * s.OutputWidth;
        int b = pixel / pixels;
        int rest = pixel - (b * pixels);
        oh = rest / s.OutputWidth;
        ow = rest - (oh * s.OutputWidth);
        Sample = s.Image + ((nint)b * s.Height * s.Width * s.Channels) + s.ChannelOffset;
        Row = (oh * s.StrideHeight) - s.PadTop;
        Column = (ow * s.StrideWidth) - s.PadLeft;
    }

    /// <summary>Moves to the next output pixel (the next column, row or sample).</summary>
    public void Advance(in PatchSource s)
    {
        Column += s.StrideWidth;
        if (++ow < s.OutputWidth)
        {
            return;
        }

        ow = 0;
        Column = -s.PadLeft;
        Row += s.StrideHeight;
        if (++oh < s.OutputHeight)
        {
            return;
        }

        oh = 0;
        Row = -s.PadTop;
        Sample += (nint)s.Height * s.Width * s.Channels;
    }
}

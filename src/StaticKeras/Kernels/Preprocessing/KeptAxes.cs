using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Where each value of a sample finds its statistic when some axes keep one per index and the
/// others are reduced (Normalization's <c>axis</c>): the sample shape, and the same shape with 1
/// on every reduced axis. When the kept axes are adjacent, a sample is <c>outer × kept × inner</c>
/// and value <c>(o, k, i)</c> uses statistic <c>k</c>; otherwise the index is computed per value.
/// </summary>
internal readonly ref struct KeptAxes
{
    private readonly ReadOnlySpan<int> shape;
    private readonly ReadOnlySpan<int> keptShape;

    public KeptAxes(ReadOnlySpan<int> shape, ReadOnlySpan<int> keptShape)
    {
        this.shape = shape;
        this.keptShape = keptShape;
        int first = -1, last = -1;
        SampleSize = 1;
        Kept = 1;
        for (int axis = 0; axis < shape.Length; axis++)
        {
            SampleSize *= shape[axis];
            Kept *= keptShape[axis];
            if (keptShape[axis] > 1)
            {
                first = first < 0 ? axis : first;
                last = axis;
            }
        }

        Adjacent = true;
        Outer = 1;
        Inner = 1;
        for (int axis = 0; axis < shape.Length; axis++)
        {
            bool inside = axis >= first && axis <= last;
            Adjacent &= !inside || keptShape[axis] == shape[axis];
            Outer *= first >= 0 && axis < first ? shape[axis] : 1;
            Inner *= axis > last ? shape[axis] : 1;
        }
    }

    /// <summary>Values per sample.</summary>
    public int SampleSize { get; }

    /// <summary>Statistics: the product of the kept axes.</summary>
    public int Kept { get; }

    /// <summary>True when the kept axes are adjacent, so <see cref="Outer"/> and <see cref="Inner"/> describe the layout.</summary>
    public bool Adjacent { get; }

    /// <summary>Values before the kept axes, per sample (1 when nothing is kept).</summary>
    public int Outer { get; }

    /// <summary>Values after the kept axes, per kept index (the whole sample when nothing is kept).</summary>
    public int Inner { get; }

    /// <summary>The statistic of value <paramref name="index"/> of a sample: its coordinates on the kept axes.</summary>
    public int StatisticOf(int index)
    {
        int result = 0, stride = 1;
        for (int axis = shape.Length - 1; axis >= 0; axis--)
        {
            int coordinate = index % shape[axis];
            index /= shape[axis];
            if (keptShape[axis] != 1)
            {
                result += coordinate * stride;
                stride *= keptShape[axis];
            }
        }

        return result;
    }
}

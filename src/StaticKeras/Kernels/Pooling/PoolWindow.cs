using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace StaticKeras.Kernels;

/// <summary>
/// One pooling window of a channels-last sample, clipped to the input: rows <c>[RowStart,
/// RowEnd)</c>, columns <c>[ColumnStart, ColumnEnd)</c>. Its operations go across the channels a
/// vector at a time, the vector staying in a register while the window's positions stream by.
/// </summary>
internal readonly unsafe struct PoolWindow
{
    private readonly float* sample;
    private readonly int width;
    private readonly int channels;
    private readonly int rowStart;
    private readonly int rowEnd;
    private readonly int columnStart;
    private readonly int columnEnd;

    /// <summary>The window of output <c>(oh, ow)</c> in <paramref name="sample"/>.</summary>
    public PoolWindow(in PoolGeometry g, float* sample, int oh, int ow)
    {
        this.sample = sample;
        width = g.Width;
        channels = g.Channels;
        (rowStart, rowEnd) = PoolGeometry.Window(oh, g.StrideHeight, g.PadTop, g.PoolHeight, g.Height);
        (columnStart, columnEnd) = PoolGeometry.Window(ow, g.StrideWidth, g.PadLeft, g.PoolWidth, g.Width);
    }

    /// <summary>The real (unpadded) positions of the window.</summary>
    public int Count => (rowEnd - rowStart) * (columnEnd - columnStart);

    /// <summary>Writes each channel's maximum over the window to <paramref name="y"/>.</summary>
    public void Max(float* y)
    {
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            j = MaxVectors<Vector512Ops, Vector512Masks, Vector512<float>>(y, j);
        }

        if (Vector256.IsHardwareAccelerated)
        {
            j = MaxVectors<Vector256Ops, Vector256Masks, Vector256<float>>(y, j);
        }

        for (; j < channels; j++)
        {
            float max = *At(rowStart, columnStart, j);
            for (int h = rowStart; h < rowEnd; h++)
            {
                for (int w = columnStart; w < columnEnd; w++)
                {
                    max = System.Math.Max(max, *At(h, w, j));
                }
            }

            y[j] = max;
        }
    }

    /// <summary>
    /// Adds <paramref name="dy"/> to the gradient <paramref name="dx"/> (laid out as the sample) at
    /// each channel's first position, in row-major window order, that holds the maximum
    /// <paramref name="y"/> (TensorFlow's and XLA's choice among ties).
    /// </summary>
    public void RouteToFirstMax(float* y, float* dy, float* dx)
    {
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            j = RouteVectors<Vector512Ops, Vector512Masks, Vector512<float>>(y, dy, dx, j);
        }

        if (Vector256.IsHardwareAccelerated)
        {
            j = RouteVectors<Vector256Ops, Vector256Masks, Vector256<float>>(y, dy, dx, j);
        }

        for (; j < channels; j++)
        {
            bool routed = false;
            for (int h = rowStart; h < rowEnd && !routed; h++)
            {
                for (int w = columnStart; w < columnEnd && !routed; w++)
                {
                    if (*At(h, w, j) == y[j])
                    {
                        *(dx + Offset(h, w, j)) += dy[j];
                        routed = true;
                    }
                }
            }
        }
    }

    /// <summary>Writes each channel's sum over the window divided by <paramref name="divisor"/> to <paramref name="y"/>.</summary>
    public void Average(float* y, float divisor)
    {
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            j = AverageVectors<Vector512Ops, Vector512<float>>(y, divisor, j);
        }

        if (Vector256.IsHardwareAccelerated)
        {
            j = AverageVectors<Vector256Ops, Vector256<float>>(y, divisor, j);
        }

        for (; j < channels; j++)
        {
            float sum = 0f;
            for (int h = rowStart; h < rowEnd; h++)
            {
                for (int w = columnStart; w < columnEnd; w++)
                {
                    sum += *At(h, w, j);
                }
            }

            y[j] = sum / divisor;
        }
    }

    /// <summary>Adds <c>dy / divisor</c> to the gradient <paramref name="dx"/> at every position of the window.</summary>
    public void Spread(float* dy, float divisor, float* dx)
    {
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            j = SpreadVectors<Vector512Ops, Vector512<float>>(dy, divisor, dx, j);
        }

        if (Vector256.IsHardwareAccelerated)
        {
            j = SpreadVectors<Vector256Ops, Vector256<float>>(dy, divisor, dx, j);
        }

        for (; j < channels; j++)
        {
            float share = dy[j] / divisor;
            for (int h = rowStart; h < rowEnd; h++)
            {
                for (int w = columnStart; w < columnEnd; w++)
                {
                    *(dx + Offset(h, w, j)) += share;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private nint Offset(int h, int w, int j) => ((((nint)h * width) + w) * channels) + j;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float* At(int h, int w, int j) => sample + Offset(h, w, j);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int MaxVectors<TOps, TMask, TVector>(float* y, int j)
        where TOps : struct, IVectorOps<TVector>
        where TMask : struct, IMaskOps<TVector>
        where TVector : struct
    {
        for (; j <= channels - TOps.Lanes; j += TOps.Lanes)
        {
            TVector max = TOps.Load(At(rowStart, columnStart, j));
            for (int h = rowStart; h < rowEnd; h++)
            {
                for (int w = columnStart; w < columnEnd; w++)
                {
                    max = TMask.Max(max, TOps.Load(At(h, w, j)));
                }
            }

            TOps.Store(max, y + j);
        }

        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int RouteVectors<TOps, TMask, TVector>(float* y, float* dy, float* dx, int j)
        where TOps : struct, IVectorOps<TVector>
        where TMask : struct, IMaskOps<TVector>
        where TVector : struct
    {
        for (; j <= channels - TOps.Lanes; j += TOps.Lanes)
        {
            // What is still to route: dy in the lanes whose maximum has not been met yet.
            TVector left = TOps.Load(dy + j), max = TOps.Load(y + j);
            for (int h = rowStart; h < rowEnd; h++)
            {
                for (int w = columnStart; w < columnEnd; w++)
                {
                    TVector hit = TMask.EqualMask(TOps.Load(At(h, w, j)), max);
                    float* to = dx + Offset(h, w, j);
                    TOps.Store(TOps.Add(TOps.Load(to), TMask.Keep(left, hit)), to);
                    left = TMask.Drop(left, hit);
                }
            }
        }

        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int AverageVectors<TOps, TVector>(float* y, float divisor, int j)
        where TOps : struct, IVectorOps<TVector>
        where TVector : struct
    {
        for (; j <= channels - TOps.Lanes; j += TOps.Lanes)
        {
            TVector sum = default;
            for (int h = rowStart; h < rowEnd; h++)
            {
                for (int w = columnStart; w < columnEnd; w++)
                {
                    sum = TOps.Add(sum, TOps.Load(At(h, w, j)));
                }
            }

            TOps.Store(TOps.Divide(sum, TOps.Broadcast(divisor)), y + j);
        }

        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SpreadVectors<TOps, TVector>(float* dy, float divisor, float* dx, int j)
        where TOps : struct, IVectorOps<TVector>
        where TVector : struct
    {
        for (; j <= channels - TOps.Lanes; j += TOps.Lanes)
        {
            TVector share = TOps.Divide(TOps.Load(dy + j), TOps.Broadcast(divisor));
            for (int h = rowStart; h < rowEnd; h++)
            {
                for (int w = columnStart; w < columnEnd; w++)
                {
                    float* to = dx + Offset(h, w, j);
                    TOps.Store(TOps.Add(TOps.Load(to), share), to);
                }
            }
        }

        return j;
    }
}

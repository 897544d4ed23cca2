using System.Runtime.CompilerServices;

namespace StaticKeras.Kernels;

/// <summary>
/// One pooling window of a channels-last sample, clipped to the input: rows <c>[RowStart,
/// RowEnd)</c>, columns <c>[ColumnStart, ColumnEnd)</c>. Its operations go across the channels a
/// vector at a time (<see cref="ChannelLoop"/>), the vector staying in a register while the
/// window's positions stream by.
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
        var step = new MaxStep { W = this, Y = y };
        ChannelLoop.Run(ref step, channels);
    }

    /// <summary>
    /// Adds <paramref name="dy"/> to the gradient <paramref name="dx"/> (laid out as the sample) at
    /// each channel's first position, in row-major window order, that holds the maximum
    /// <paramref name="y"/> (TensorFlow's and XLA's choice among ties); with
    /// <paramref name="overwrite"/>, stores it there and zero at the window's other positions;
    /// with <paramref name="throughRelu"/>, routes nothing where the maximum is not above 0.
    /// </summary>
    public void RouteToFirstMax(float* y, float* dy, float* dx, bool overwrite, bool throughRelu)
    {
        var step = new RouteStep { W = this, Y = y, Dy = dy, Dx = dx, Overwrite = overwrite, ThroughRelu = throughRelu };
        ChannelLoop.Run(ref step, channels);
    }

    /// <summary>Writes each channel's sum over the window divided by <paramref name="divisor"/> to <paramref name="y"/>.</summary>
    public void Average(float* y, float divisor)
    {
        var step = new AverageStep { W = this, Y = y, Divisor = divisor };
        ChannelLoop.Run(ref step, channels);
    }

    /// <summary>Adds (or, with <paramref name="overwrite"/>, stores) <c>dy / divisor</c> to the gradient <paramref name="dx"/> at every position of the window.</summary>
    public void Spread(float* dy, float divisor, float* dx, bool overwrite)
    {
        var step = new SpreadStep { W = this, Dy = dy, Divisor = divisor, Dx = dx, Overwrite = overwrite };
        ChannelLoop.Run(ref step, channels);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private nint Offset(int h, int w, int j) => ((((nint)h * width) + w) * channels) + j;

    private struct MaxStep : IChannelStep
    {
        public PoolWindow W;
        public float* Y;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Vector<TOps, TMask, TVector>(int j)
            where TOps : struct, IVectorOps<TVector>
            where TMask : struct, IMaskOps<TVector>
            where TVector : struct
        {
            TVector max = TOps.Load(W.sample + W.Offset(W.rowStart, W.columnStart, j));
            for (int h = W.rowStart; h < W.rowEnd; h++)
            {
                for (int w = W.columnStart; w < W.columnEnd; w++)
                {
                    max = TMask.Max(max, TOps.Load(W.sample + W.Offset(h, w, j)));
                }
            }

            TOps.Store(max, Y + j);
        }
    }

    private struct RouteStep : IChannelStep
    {
        public PoolWindow W;
        public float* Y;
        public float* Dy;
        public float* Dx;
        public bool Overwrite;
        public bool ThroughRelu;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Vector<TOps, TMask, TVector>(int j)
            where TOps : struct, IVectorOps<TVector>
            where TMask : struct, IMaskOps<TVector>
            where TVector : struct
        {
            // What is still to route: dy in the lanes whose maximum has not been met yet (and, through a ReLU, is above 0).
            TVector left = TOps.Load(Dy + j), max = TOps.Load(Y + j);
            left = ThroughRelu ? TMask.Keep(left, TMask.PositiveMask(max)) : left;
            for (int h = W.rowStart; h < W.rowEnd; h++)
            {
                for (int w = W.columnStart; w < W.columnEnd; w++)
                {
                    nint at = W.Offset(h, w, j);
                    TVector hit = TMask.EqualMask(TOps.Load(W.sample + at), max);
                    TVector routed = TMask.Keep(left, hit);
                    TOps.Store(Overwrite ? routed : TOps.Add(TOps.Load(Dx + at), routed), Dx + at);
                    left = TMask.Drop(left, hit);
                }
            }
        }
    }

    private struct AverageStep : IChannelStep
    {
        public PoolWindow W;
        public float* Y;
        public float Divisor;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Vector<TOps, TMask, TVector>(int j)
            where TOps : struct, IVectorOps<TVector>
            where TMask : struct, IMaskOps<TVector>
            where TVector : struct
        {
            TVector sum = default;
            for (int h = W.rowStart; h < W.rowEnd; h++)
            {
                for (int w = W.columnStart; w < W.columnEnd; w++)
                {
                    sum = TOps.Add(sum, TOps.Load(W.sample + W.Offset(h, w, j)));
                }
            }

            TOps.Store(TOps.Divide(sum, TOps.Broadcast(Divisor)), Y + j);
        }
    }

    private struct SpreadStep : IChannelStep
    {
        public PoolWindow W;
        public float* Dy;
        public float* Dx;
        public float Divisor;
        public bool Overwrite;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Vector<TOps, TMask, TVector>(int j)
            where TOps : struct, IVectorOps<TVector>
            where TMask : struct, IMaskOps<TVector>
            where TVector : struct
        {
            TVector share = TOps.Divide(TOps.Load(Dy + j), TOps.Broadcast(Divisor));
            for (int h = W.rowStart; h < W.rowEnd; h++)
            {
                for (int w = W.columnStart; w < W.columnEnd; w++)
                {
                    nint at = W.Offset(h, w, j);
                    TOps.Store(Overwrite ? share : TOps.Add(TOps.Load(Dx + at), share), Dx + at);
                }
            }
        }
    }
}

using System;
using System.Runtime.CompilerServices;

namespace StaticKeras.Kernels;

/// <summary>
/// BatchNormalization's passes when the normalised axis is the last one (<c>inner = 1</c>):
/// rows of <c>channels</c> floats streamed in order, vectorised across the channels
/// (<see cref="ChannelLoop"/>), per-channel values (statistics, coefficients, the sums being
/// built) read from and added into buffers that stay in L1. Every per-channel sum adds its rows in
/// ascending order.
/// </summary>
internal static unsafe class BatchNormRows
{
    /// <summary><c>sums[c] += Σ_r (x[r, c] − mean[c])²</c>.</summary>
    public static void AddSquaredDeviations(float* x, int rows, int channels, float* mean, float* sums)
    {
        var step = new SquaredDeviations { Mean = mean, Sums = sums };
        for (int r = 0; r < rows; r++)
        {
            step.X = x + ((nint)r * channels);
            ChannelLoop.Run(ref step, channels);
        }
    }

    /// <summary><c>sumDy[c] += Σ dy</c> and <c>sumDyDev[c] += Σ dy · (x − mean)</c>.</summary>
    public static void AddGradientSums(float* x, float* dy, int rows, int channels, float* mean, float* sumDy, float* sumDyDev)
    {
        var step = new GradientSums { Mean = mean, SumDy = sumDy, SumDyDev = sumDyDev };
        for (int r = 0; r < rows; r++)
        {
            step.X = x + ((nint)r * channels);
            step.Dy = dy + ((nint)r * channels);
            ChannelLoop.Run(ref step, channels);
        }
    }

    /// <summary>Rows <c>[first, last)</c> of <c>y = x · A + B</c> (the normalisation with its per-channel coefficients).</summary>
    public static void Normalize(in ChannelCoefficients f, float* x, float* y, int first, int last, int channels)
    {
        var step = new Normalizing { F = f };
        for (int r = first; r < last; r++)
        {
            step.X = x + ((nint)r * channels);
            step.Y = y + ((nint)r * channels);
            ChannelLoop.Run(ref step, channels);
        }
    }

    /// <summary>Rows <c>[first, last)</c> of <c>dx (+)= dy · A + x · B + C</c> (the input gradient with its per-channel coefficients).</summary>
    public static void Gradient(in ChannelCoefficients f, float* x, float* dy, float* dx, int first, int last, int channels, bool accumulate)
    {
        var step = new InputGradient { F = f, Accumulate = accumulate };
        for (int r = first; r < last; r++)
        {
            nint o = (nint)r * channels;
            step.X = x + o;
            step.Dy = dy + o;
            step.Dx = dx + o;
            ChannelLoop.Run(ref step, channels);
        }
    }

    private struct SquaredDeviations : IChannelStep
    {
        public float* X;
        public float* Mean;
        public float* Sums;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Vector<TOps, TMask, TVector>(int j)
            where TOps : struct, IVectorOps<TVector>
            where TMask : struct, IMaskOps<TVector>
            where TVector : struct
        {
            TVector d = TOps.Subtract(TOps.Load(X + j), TOps.Load(Mean + j));
            TOps.Store(TOps.FusedMultiplyAdd(d, d, TOps.Load(Sums + j)), Sums + j);
        }
    }

    private struct GradientSums : IChannelStep
    {
        public float* X;
        public float* Dy;
        public float* Mean;
        public float* SumDy;
        public float* SumDyDev;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Vector<TOps, TMask, TVector>(int j)
            where TOps : struct, IVectorOps<TVector>
            where TMask : struct, IMaskOps<TVector>
            where TVector : struct
        {
            TVector g = TOps.Load(Dy + j);
            TOps.Store(TOps.Add(TOps.Load(SumDy + j), g), SumDy + j);
            TVector d = TOps.Subtract(TOps.Load(X + j), TOps.Load(Mean + j));
            TOps.Store(TOps.FusedMultiplyAdd(g, d, TOps.Load(SumDyDev + j)), SumDyDev + j);
        }
    }

    private struct Normalizing : IChannelStep
    {
        public ChannelCoefficients F;
        public float* X;
        public float* Y;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Vector<TOps, TMask, TVector>(int j)
            where TOps : struct, IVectorOps<TVector>
            where TMask : struct, IMaskOps<TVector>
            where TVector : struct
        {
            TOps.Store(TOps.FusedMultiplyAdd(TOps.Load(X + j), TOps.Load(F.A + j), TOps.Load(F.B + j)), Y + j);
        }
    }

    private struct InputGradient : IChannelStep
    {
        public ChannelCoefficients F;
        public float* X;
        public float* Dy;
        public float* Dx;
        public bool Accumulate;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Vector<TOps, TMask, TVector>(int j)
            where TOps : struct, IVectorOps<TVector>
            where TMask : struct, IMaskOps<TVector>
            where TVector : struct
        {
            TVector v = TOps.FusedMultiplyAdd(TOps.Load(Dy + j), TOps.Load(F.A + j), TOps.FusedMultiplyAdd(TOps.Load(X + j), TOps.Load(F.B + j), TOps.Load(F.C + j)));
            TOps.Store(Accumulate ? TOps.Add(TOps.Load(Dx + j), v) : v, Dx + j);
        }
    }
}

/// <summary>Per-channel coefficients of an affine pass over channels-last rows (pointers into the op's scratch).</summary>
internal unsafe struct ChannelCoefficients
{
    /// <summary>Multiplies the first operand (x forward, dy backward).</summary>
    public float* A;

    /// <summary>Added forward; multiplies x backward.</summary>
    public float* B;

    /// <summary>Added backward.</summary>
    public float* C;
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace StaticKeras.Kernels;

/// <summary>
/// Per-channel sums over the rows of a channels-last buffer (bias gradients, batch statistics,
/// global pooling): four vectors of channels at a time stay in registers for all the rows, so
/// each row costs loads and adds only. Every sum adds its rows in ascending order.
/// </summary>
internal static unsafe class ChannelSums
{
    /// <summary><c>sums[j] = Σ_r values[r·rowStride + j]</c> for <c>j &lt; channels</c> (or <c>+=</c> when <paramref name="accumulate"/>).</summary>
    public static void Sum(float* values, nint rowStride, int rows, int channels, float* sums, bool accumulate)
    {
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            j = Columns<Vector512Ops, Vector512<float>>(values, rowStride, rows, channels, sums, accumulate, j);
        }

        if (Vector256.IsHardwareAccelerated)
        {
            j = Columns<Vector256Ops, Vector256<float>>(values, rowStride, rows, channels, sums, accumulate, j);
        }

        for (; j < channels; j++)
        {
            float sum = 0f;
            for (int r = 0; r < rows; r++)
            {
                sum += values[(r * rowStride) + j];
            }

            sums[j] = accumulate ? sums[j] + sum : sum;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Columns<TOps, TVector>(float* values, nint rowStride, int rows, int channels, float* sums, bool accumulate, int j)
        where TOps : struct, IVectorOps<TVector>
        where TVector : struct
    {
        int lanes = TOps.Lanes;
        for (; j <= channels - (4 * lanes); j += 4 * lanes)
        {
            TVector s0 = default, s1 = default, s2 = default, s3 = default;
            float* row = values + j;
            for (int r = 0; r < rows; r++, row += rowStride)
            {
                s0 = TOps.Add(s0, TOps.Load(row));
                s1 = TOps.Add(s1, TOps.Load(row + lanes));
                s2 = TOps.Add(s2, TOps.Load(row + (2 * lanes)));
                s3 = TOps.Add(s3, TOps.Load(row + (3 * lanes)));
            }

            Finish<TOps, TVector>(s0, sums + j, accumulate);
            Finish<TOps, TVector>(s1, sums + j + lanes, accumulate);
            Finish<TOps, TVector>(s2, sums + j + (2 * lanes), accumulate);
            Finish<TOps, TVector>(s3, sums + j + (3 * lanes), accumulate);
        }

        for (; j <= channels - lanes; j += lanes)
        {
            TVector s = default;
            float* row = values + j;
            for (int r = 0; r < rows; r++, row += rowStride)
            {
                s = TOps.Add(s, TOps.Load(row));
            }

            Finish<TOps, TVector>(s, sums + j, accumulate);
        }

        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish<TOps, TVector>(TVector sum, float* to, bool accumulate)
        where TOps : struct, IVectorOps<TVector>
        where TVector : struct
    {
        TOps.Store(accumulate ? TOps.Add(TOps.Load(to), sum) : sum, to);
    }
}

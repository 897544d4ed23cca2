using System;

namespace StaticKeras.Kernels;

/// <summary>
/// BatchNormalization's passes when the normalised axis is not the last one (<c>inner &gt; 1</c>,
/// such as channels-first data): element <c>(o, c, i)</c> at <c>(o·channels + c)·inner + i</c>, so
/// each <c>(o, c)</c> is a contiguous run of one channel. Every per-channel sum takes its runs in
/// ascending <c>o</c>, each run in ascending <c>i</c>. A null gamma is 1, a null beta 0.
/// </summary>
internal static unsafe class BatchNormRuns
{
    /// <summary><c>sums[c] = Σ x</c> over channel c.</summary>
    public static void Sum(float* x, int outer, int channels, int inner, float* sums)
    {
        new Span<float>(sums, channels).Clear();
        for (int o = 0; o < outer; o++)
        {
            for (int c = 0; c < channels; c++)
            {
                float* run = x + ((((nint)o * channels) + c) * inner);
                float sum = sums[c];
                for (int i = 0; i < inner; i++)
                {
                    sum += run[i];
                }

                sums[c] = sum;
            }
        }
    }

    /// <summary><c>sums[c] += Σ (x − mean[c])²</c> over channel c.</summary>
    public static void AddSquaredDeviations(float* x, int outer, int channels, int inner, float* mean, float* sums)
    {
        for (int o = 0; o < outer; o++)
        {
            for (int c = 0; c < channels; c++)
            {
                float* run = x + ((((nint)o * channels) + c) * inner);
                float sum = sums[c];
                for (int i = 0; i < inner; i++)
                {
                    float d = run[i] - mean[c];
                    sum = MathF.FusedMultiplyAdd(d, d, sum);
                }

                sums[c] = sum;
            }
        }
    }

    /// <summary><c>dBeta[c] += Σ dy</c>, <c>dGamma[c] += Σ dy · (x − mean)</c> over channel c.</summary>
    public static void AddGradientSums(float* x, float* dy, int outer, int channels, int inner, float* mean, float* dBeta, float* dGamma)
    {
        for (int o = 0; o < outer; o++)
        {
            for (int c = 0; c < channels; c++)
            {
                nint start = (((nint)o * channels) + c) * inner;
                float b = dBeta[c], g = dGamma[c];
                for (int i = 0; i < inner; i++)
                {
                    b += dy[start + i];
                    g = MathF.FusedMultiplyAdd(dy[start + i], x[start + i] - mean[c], g);
                }

                dBeta[c] = b;
                dGamma[c] = g;
            }
        }
    }

    /// <summary>Outer blocks <c>[first, last)</c> of <c>y = x · A + B</c>.</summary>
    public static void Normalize(in ChannelCoefficients f, float* x, float* y, int first, int last, int channels, int inner)
    {
        for (int o = first; o < last; o++)
        {
            for (int c = 0; c < channels; c++)
            {
                nint start = (((nint)o * channels) + c) * inner;
                for (int i = 0; i < inner; i++)
                {
                    y[start + i] = MathF.FusedMultiplyAdd(x[start + i], f.A[c], f.B[c]);
                }
            }
        }
    }

    /// <summary>Outer blocks <c>[first, last)</c> of <c>dx (+)= dy · A + x · B + C</c>.</summary>
    public static void Gradient(in ChannelCoefficients f, float* x, float* dy, float* dx, int first, int last, int channels, int inner, bool accumulate)
    {
        for (int o = first; o < last; o++)
        {
            for (int c = 0; c < channels; c++)
            {
                nint start = (((nint)o * channels) + c) * inner;
                for (int i = 0; i < inner; i++)
                {
                    float v = MathF.FusedMultiplyAdd(dy[start + i], f.A[c], MathF.FusedMultiplyAdd(x[start + i], f.B[c], f.C[c]));
                    dx[start + i] = accumulate ? dx[start + i] + v : v;
                }
            }
        }
    }
}

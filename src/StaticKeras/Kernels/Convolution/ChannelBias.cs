using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace StaticKeras.Kernels;

/// <summary>Adds a per-channel bias to every row of a channels-last buffer, then an optional ReLU, in one pass.</summary>
internal static unsafe class ChannelBias
{
    /// <summary><c>values[r, j] = relu?(values[r, j] + bias[j])</c>; a null bias adds nothing.</summary>
    public static void Apply(float* values, int rows, int channels, float* bias, bool relu)
    {
        if (bias == null && !relu)
        {
            return;
        }

        for (int r = 0; r < rows; r++)
        {
            float* row = values + ((nint)r * channels);
            int j = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                j = Vectors<Vector512Ops, Vector512<float>>(row, channels, bias, relu, j);
            }

            if (Vector256.IsHardwareAccelerated)
            {
                j = Vectors<Vector256Ops, Vector256<float>>(row, channels, bias, relu, j);
            }

            for (; j < channels; j++)
            {
                float v = bias == null ? row[j] : row[j] + bias[j];
                row[j] = relu ? (v > 0f || float.IsNaN(v) ? v : 0f) : v;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Vectors<TOps, TVector>(float* row, int channels, float* bias, bool relu, int j)
        where TOps : struct, IVectorOps<TVector>
        where TVector : struct
    {
        for (; j <= channels - TOps.Lanes; j += TOps.Lanes)
        {
            TVector v = TOps.Load(row + j);
            v = bias == null ? v : TOps.Add(v, TOps.Load(bias + j));
            TOps.Store(relu ? TOps.Relu(v) : v, row + j);
        }

        return j;
    }
}

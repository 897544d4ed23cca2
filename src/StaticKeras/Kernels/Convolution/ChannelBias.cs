using System.Runtime.CompilerServices;

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

        var step = new Step { Bias = bias, Relu = relu };
        for (int r = 0; r < rows; r++)
        {
            step.Row = values + ((nint)r * channels);
            ChannelLoop.Run(ref step, channels);
        }
    }

    private struct Step : IChannelStep
    {
        public float* Row;
        public float* Bias;
        public bool Relu;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Vector<TOps, TMask, TVector>(int j)
            where TOps : struct, IVectorOps<TVector>
            where TMask : struct, IMaskOps<TVector>
            where TVector : struct
        {
            TVector v = TOps.Load(Row + j);
            v = Bias == null ? v : TOps.Add(v, TOps.Load(Bias + j));
            TOps.Store(Relu ? TOps.Relu(v) : v, Row + j);
        }
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace StaticKeras.Kernels;

/// <summary>
/// One elementwise step across a pixel's (or a row's) channels, at channel <c>j</c>, for a whole
/// vector of the given width (<see cref="ScalarLane"/> for the tail). A struct holding its
/// pointers, so the JIT specialises and inlines it per width inside <see cref="ChannelLoop.Run"/>.
/// </summary>
internal interface IChannelStep
{
    /// <summary>Channels <c>[j, j + TOps.Lanes)</c>.</summary>
    void Vector<TOps, TMask, TVector>(int j)
        where TOps : struct, IVectorOps<TVector>
        where TMask : struct, IMaskOps<TVector>
        where TVector : struct;
}

/// <summary>Runs a step across <c>channels</c>: Vector512 while 16 remain, then Vector256, then one lane at a time.</summary>
internal static class ChannelLoop
{
    /// <summary>Applies <paramref name="step"/> to channels <c>[0, channels)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run<TStep>(ref TStep step, int channels)
        where TStep : struct, IChannelStep
    {
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j <= channels - 16; j += 16)
            {
                step.Vector<Vector512Ops, Vector512Masks, Vector512<float>>(j);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; j <= channels - 8; j += 8)
            {
                step.Vector<Vector256Ops, Vector256Masks, Vector256<float>>(j);
            }
        }

        for (; j < channels; j++)
        {
            step.Vector<ScalarLane, ScalarMasks, float>(j);
        }
    }
}

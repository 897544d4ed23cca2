using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace StaticKeras.Kernels;

/// <summary>
/// Fused multiply-adds for the Vector128 kernel that round once, like the FMA instruction, also
/// where the code was compiled without one: a Native AOT build for x86-64-v2 (the .NET default)
/// may not use FMA even on a CPU that has it, and <see cref="Vector128.FusedMultiplyAdd(Vector128{float}, Vector128{float}, Vector128{float})"/>
/// then calls the C library's <c>fmaf</c> once per lane, slower than the scalar kernel.
/// </summary>
/// <remarks>
/// Without an FMA instruction, <see cref="Step"/> forms the sum in double precision: the product
/// of two floats is exact in a double, so <c>x·y + z</c> is rounded twice, to double and then to
/// float. Double rounding can differ from one rounding only when the double lands exactly halfway
/// between two floats (or in the float subnormal range, where the halfway points sit elsewhere).
/// <see cref="Step"/> flags those lanes instead of branching, so the caller's loop keeps its
/// accumulators in registers, and the caller recomputes a flagged tile with exact scalar FMAs
/// (<see cref="MathF.FusedMultiplyAdd"/>). So every kernel keeps giving the same bits.
/// </remarks>
internal static class Fma128
{
    /// <summary>Whether the hardware FMA is available to this code (a compile-time constant).</summary>
    public static bool IsNative => Fma.IsSupported || AdvSimd.IsSupported;

    /// <summary>
    /// Returns <c>x·y + z</c> for four floats, given <c>x</c> and <c>y</c> widened to double, and
    /// sets lanes of <paramref name="doubt"/> where the result may differ from a single rounding.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Step(Vector128<double> x, Vector128<double> yLow, Vector128<double> yHigh, Vector128<float> z, ref Vector128<ulong> doubt)
    {
        (Vector128<double> zLow, Vector128<double> zHigh) = Vector128.Widen(z);
        Vector128<double> low = (x * yLow) + zLow;
        Vector128<double> high = (x * yHigh) + zHigh;
        doubt |= Doubtful(low) | Doubtful(high);
        return Vector128.Narrow(low, high);
    }

    /// <summary>
    /// All ones in a lane whose double may round to a different float than the exact sum: exactly
    /// halfway between two normal floats (the 29 bits below float precision are <c>1000…0</c>), or
    /// nonzero and below the smallest normal float.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> Doubtful(Vector128<double> sum)
    {
        Vector128<ulong> bits = sum.AsUInt64();
        Vector128<ulong> halfway = Vector128.Equals(bits << 35, Vector128.Create(1UL << 63));

        // 0 < |sum| < 2^-126 as one unsigned compare: for zero, |sum|'s bits minus one wrap to the top.
        Vector128<ulong> magnitude = bits & Vector128.Create(0x7FFF_FFFF_FFFF_FFFFUL);
        Vector128<ulong> tiny = Vector128.LessThan(magnitude - Vector128<ulong>.One, Vector128.Create(0x3810_0000_0000_0000UL - 1));
        return halfway | tiny;
    }
}

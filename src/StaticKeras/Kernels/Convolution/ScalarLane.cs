using System;
using System.Runtime.CompilerServices;

namespace StaticKeras.Kernels;

/// <summary>
/// A "vector" of one float, so a step written once for <see cref="IVectorOps{TVector}"/> also runs
/// the channels past the last whole vector (<see cref="ChannelLoop"/>), with the same IEEE
/// operations lane for lane (an FMA is <see cref="MathF.FusedMultiplyAdd"/>): the tail gives the
/// bits the vectors would.
/// </summary>
internal readonly unsafe struct ScalarLane : IVectorOps<float>
{
    public static bool IsHardwareAccelerated => true;

    public static int Lanes => 1;

    public static int TileRows => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Load(float* source) => *source;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(float value, float* destination) => *destination = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Broadcast(float value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float FusedMultiplyAdd(float a, float b, float c) => MathF.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Add(float a, float b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Subtract(float a, float b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Multiply(float a, float b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Divide(float a, float b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sqrt(float value) => MathF.Sqrt(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Relu(float value) => MathF.Max(value, 0f);
}

/// <summary>The masks of <see cref="IMaskOps{TVector}"/> for one float: all bits set (a NaN pattern) or none.</summary>
internal readonly struct ScalarMasks : IMaskOps<float>
{
    private static readonly float AllBits = BitConverter.Int32BitsToSingle(-1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Max(float a, float b) => MathF.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float EqualMask(float a, float b) => a == b ? AllBits : 0f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float PositiveMask(float value) => value > 0f ? AllBits : 0f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Keep(float value, float mask) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(value) & BitConverter.SingleToInt32Bits(mask));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Drop(float value, float mask) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(value) & ~BitConverter.SingleToInt32Bits(mask));
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace StaticKeras.Kernels;

/// <summary>
/// The comparisons and lane masks pooling needs beside <see cref="IVectorOps{TVector}"/>, for one
/// vector width: a kernel generic over both is specialised per width by the JIT.
/// </summary>
/// <typeparam name="TVector">The vector of floats.</typeparam>
internal interface IMaskOps<TVector>
    where TVector : struct
{
    /// <summary>The larger of each pair of lanes.</summary>
    static abstract TVector Max(TVector a, TVector b);

    /// <summary>All bits set in the lanes where <c>a == b</c>, else zero.</summary>
    static abstract TVector EqualMask(TVector a, TVector b);

    /// <summary>All bits set in the lanes above 0, else zero.</summary>
    static abstract TVector PositiveMask(TVector value);

    /// <summary><c>value</c> where the mask is set, else +0.</summary>
    static abstract TVector Keep(TVector value, TVector mask);

    /// <summary><c>value</c> where the mask is clear, else +0.</summary>
    static abstract TVector Drop(TVector value, TVector mask);
}

/// <summary>AVX-512 masks.</summary>
internal readonly struct Vector512Masks : IMaskOps<Vector512<float>>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Max(Vector512<float> a, Vector512<float> b) => Vector512.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> EqualMask(Vector512<float> a, Vector512<float> b) => Vector512.Equals(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> PositiveMask(Vector512<float> value) => Vector512.GreaterThan(value, Vector512<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Keep(Vector512<float> value, Vector512<float> mask) => value & mask;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Drop(Vector512<float> value, Vector512<float> mask) => Vector512.AndNot(value, mask);
}

/// <summary>AVX2 masks.</summary>
internal readonly struct Vector256Masks : IMaskOps<Vector256<float>>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Max(Vector256<float> a, Vector256<float> b) => Vector256.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> EqualMask(Vector256<float> a, Vector256<float> b) => Vector256.Equals(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> PositiveMask(Vector256<float> value) => Vector256.GreaterThan(value, Vector256<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Keep(Vector256<float> value, Vector256<float> mask) => value & mask;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Drop(Vector256<float> value, Vector256<float> mask) => Vector256.AndNot(value, mask);
}

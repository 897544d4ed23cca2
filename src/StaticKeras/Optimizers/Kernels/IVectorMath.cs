using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace StaticKeras.Kernels;

/// <summary>
/// The vector operations optimizer updates need beyond <see cref="IVectorOps{TVector}"/>: maximum,
/// absolute value and sign, for one width. Each follows its scalar <see cref="System.MathF"/>
/// counterpart lane by lane (IEEE maximum, sign-bit absolute value), so a vector update and its
/// scalar tail compute the same bits.
/// </summary>
/// <typeparam name="TVector">The vector of floats this width computes on.</typeparam>
internal interface IVectorMath<TVector>
    where TVector : struct
{
    /// <summary><c>max(a, b)</c> per lane, as <see cref="System.MathF.Max(float, float)"/>.</summary>
    static abstract TVector Max(TVector a, TVector b);

    /// <summary><c>min(a, b)</c> per lane, as <see cref="System.MathF.Min(float, float)"/>.</summary>
    static abstract TVector Min(TVector a, TVector b);

    /// <summary><c>|a|</c> per lane.</summary>
    static abstract TVector Abs(TVector a);

    /// <summary>−1, 0 or +1 per lane by the sign of <paramref name="a"/> (0 for ±0).</summary>
    static abstract TVector Sign(TVector a);
}

/// <summary>AVX-512 lanes.</summary>
internal readonly struct Vector512Math : IVectorMath<Vector512<float>>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Max(Vector512<float> a, Vector512<float> b) => Vector512.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Min(Vector512<float> a, Vector512<float> b) => Vector512.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Abs(Vector512<float> a) => Vector512.Abs(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sign(Vector512<float> a) =>
        (Vector512.GreaterThan(a, Vector512<float>.Zero) & Vector512<float>.One)
        - (Vector512.LessThan(a, Vector512<float>.Zero) & Vector512<float>.One);
}

/// <summary>AVX2 lanes.</summary>
internal readonly struct Vector256Math : IVectorMath<Vector256<float>>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Max(Vector256<float> a, Vector256<float> b) => Vector256.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Min(Vector256<float> a, Vector256<float> b) => Vector256.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Abs(Vector256<float> a) => Vector256.Abs(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sign(Vector256<float> a) =>
        (Vector256.GreaterThan(a, Vector256<float>.Zero) & Vector256<float>.One)
        - (Vector256.LessThan(a, Vector256<float>.Zero) & Vector256<float>.One);
}

/// <summary>NEON or SSE lanes.</summary>
internal readonly struct Vector128Math : IVectorMath<Vector128<float>>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Max(Vector128<float> a, Vector128<float> b) => Vector128.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Min(Vector128<float> a, Vector128<float> b) => Vector128.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Abs(Vector128<float> a) => Vector128.Abs(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Sign(Vector128<float> a) =>
        (Vector128.GreaterThan(a, Vector128<float>.Zero) & Vector128<float>.One)
        - (Vector128.LessThan(a, Vector128<float>.Zero) & Vector128<float>.One);
}

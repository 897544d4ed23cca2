using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace StaticKeras.Kernels;

/// <summary>
/// The vector operations the kernels need, for one vector width. A kernel is generic over a
/// struct implementing this, so the JIT specialises it per width and inlines every operation:
/// one source yields the Vector512, Vector256 and Vector128 versions (the GEMM micro-kernel, the
/// small-product rows, Adam's update). (.NET's own <c>ISimdVector</c> is not public.)
/// </summary>
/// <typeparam name="TVector">The vector of floats this width computes on.</typeparam>
internal unsafe interface IVectorOps<TVector>
    where TVector : struct
{
    /// <summary>Whether the hardware runs this width natively.</summary>
    static abstract bool IsHardwareAccelerated { get; }

    /// <summary>Floats per vector.</summary>
    static abstract int Lanes { get; }

    /// <summary>
    /// Rows of a full tile: as many as leave two accumulators per row in registers (32 zmm
    /// registers take 12 rows; 16 ymm or xmm registers take 6).
    /// </summary>
    static abstract int TileRows { get; }

    /// <summary>Loads <see cref="Lanes"/> floats.</summary>
    static abstract TVector Load(float* source);

    /// <summary>Stores <see cref="Lanes"/> floats.</summary>
    static abstract void Store(TVector value, float* destination);

    /// <summary>One float in every lane.</summary>
    static abstract TVector Broadcast(float value);

    /// <summary><c>a · b + c</c> with one rounding.</summary>
    static abstract TVector FusedMultiplyAdd(TVector a, TVector b, TVector c);

    /// <summary><c>a + b</c>.</summary>
    static abstract TVector Add(TVector a, TVector b);

    /// <summary><c>a − b</c>.</summary>
    static abstract TVector Subtract(TVector a, TVector b);

    /// <summary><c>a · b</c>.</summary>
    static abstract TVector Multiply(TVector a, TVector b);

    /// <summary><c>a / b</c>.</summary>
    static abstract TVector Divide(TVector a, TVector b);

    /// <summary>The square root of every lane.</summary>
    static abstract TVector Sqrt(TVector value);

    /// <summary><c>max(value, 0)</c>.</summary>
    static abstract TVector Relu(TVector value);
}

/// <summary>AVX-512: 16 floats per vector, 12-row tiles.</summary>
internal readonly unsafe struct Vector512Ops : IVectorOps<Vector512<float>>
{
    public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;

    public static int Lanes => 16;

    public static int TileRows => 12;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load(float* source) => Vector512.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<float> value, float* destination) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Broadcast(float value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> FusedMultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Add(Vector512<float> a, Vector512<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Subtract(Vector512<float> a, Vector512<float> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Multiply(Vector512<float> a, Vector512<float> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Divide(Vector512<float> a, Vector512<float> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sqrt(Vector512<float> value) => Vector512.Sqrt(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Relu(Vector512<float> value) => Vector512.Max(value, Vector512<float>.Zero);
}

/// <summary>AVX2: 8 floats per vector, 6-row tiles.</summary>
internal readonly unsafe struct Vector256Ops : IVectorOps<Vector256<float>>
{
    public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;

    public static int Lanes => 8;

    public static int TileRows => 6;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load(float* source) => Vector256.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<float> value, float* destination) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Broadcast(float value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> FusedMultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Vector256.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Add(Vector256<float> a, Vector256<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Subtract(Vector256<float> a, Vector256<float> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Multiply(Vector256<float> a, Vector256<float> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Divide(Vector256<float> a, Vector256<float> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sqrt(Vector256<float> value) => Vector256.Sqrt(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Relu(Vector256<float> value) => Vector256.Max(value, Vector256<float>.Zero);
}

/// <summary>NEON, or SSE with FMA: 4 floats per vector, 6-row tiles.</summary>
internal readonly unsafe struct Vector128Ops : IVectorOps<Vector128<float>>
{
    public static bool IsHardwareAccelerated => Vector128.IsHardwareAccelerated;

    public static int Lanes => 4;

    public static int TileRows => 6;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Load(float* source) => Vector128.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<float> value, float* destination) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Broadcast(float value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> FusedMultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c) => Vector128.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Add(Vector128<float> a, Vector128<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Subtract(Vector128<float> a, Vector128<float> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Multiply(Vector128<float> a, Vector128<float> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Divide(Vector128<float> a, Vector128<float> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Sqrt(Vector128<float> value) => Vector128.Sqrt(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Relu(Vector128<float> value) => Vector128.Max(value, Vector128<float>.Zero);
}

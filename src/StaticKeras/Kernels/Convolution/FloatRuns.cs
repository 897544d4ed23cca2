using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace StaticKeras.Kernels;

/// <summary>
/// Copy, clear and add of short runs of floats (a tap's channels, a pixel's channels), inlined
/// into the caller's loop. A <c>Span.CopyTo</c> per run would be a memmove call, which measured
/// as dear as the copy itself for runs of 32 floats.
/// </summary>
internal static unsafe class FloatRuns
{
    /// <summary><c>to[i] = from[i]</c> for <paramref name="length"/> floats (the runs must not overlap).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy(float* from, float* to, int length)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= length - 16; i += 16)
            {
                Vector512.Store(Vector512.Load(from + i), to + i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= length - 8; i += 8)
            {
                Vector256.Store(Vector256.Load(from + i), to + i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= length - 4; i += 4)
            {
                Vector128.Store(Vector128.Load(from + i), to + i);
            }
        }

        for (; i < length; i++)
        {
            to[i] = from[i];
        }
    }

    /// <summary><c>to[i] = 0</c> for <paramref name="length"/> floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Clear(float* to, int length)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= length - 16; i += 16)
            {
                Vector512.Store(Vector512<float>.Zero, to + i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= length - 8; i += 8)
            {
                Vector256.Store(Vector256<float>.Zero, to + i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= length - 4; i += 4)
            {
                Vector128.Store(Vector128<float>.Zero, to + i);
            }
        }

        for (; i < length; i++)
        {
            to[i] = 0f;
        }
    }

    /// <summary><c>to[i] += from[i]</c> for <paramref name="length"/> floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(float* from, float* to, int length)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= length - 16; i += 16)
            {
                Vector512.Store(Vector512.Load(to + i) + Vector512.Load(from + i), to + i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= length - 8; i += 8)
            {
                Vector256.Store(Vector256.Load(to + i) + Vector256.Load(from + i), to + i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= length - 4; i += 4)
            {
                Vector128.Store(Vector128.Load(to + i) + Vector128.Load(from + i), to + i);
            }
        }

        for (; i < length; i++)
        {
            to[i] += from[i];
        }
    }

    /// <summary><c>to[i] = a[i] · b[i] + to[i]</c>, one rounding each, for <paramref name="length"/> floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyAdd(float* a, float* b, float* to, int length)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= length - 16; i += 16)
            {
                Vector512.Store(Vector512.FusedMultiplyAdd(Vector512.Load(a + i), Vector512.Load(b + i), Vector512.Load(to + i)), to + i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= length - 8; i += 8)
            {
                Vector256.Store(Vector256.FusedMultiplyAdd(Vector256.Load(a + i), Vector256.Load(b + i), Vector256.Load(to + i)), to + i);
            }
        }

        for (; i < length; i++)
        {
            to[i] = MathF.FusedMultiplyAdd(a[i], b[i], to[i]);
        }
    }

    /// <summary><c>to[i] = scale · b[i] + to[i]</c>, one rounding each, for <paramref name="length"/> floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ScaleAdd(float scale, float* b, float* to, int length)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= length - 16; i += 16)
            {
                Vector512.Store(Vector512.FusedMultiplyAdd(Vector512.Create(scale), Vector512.Load(b + i), Vector512.Load(to + i)), to + i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= length - 8; i += 8)
            {
                Vector256.Store(Vector256.FusedMultiplyAdd(Vector256.Create(scale), Vector256.Load(b + i), Vector256.Load(to + i)), to + i);
            }
        }

        for (; i < length; i++)
        {
            to[i] = MathF.FusedMultiplyAdd(scale, b[i], to[i]);
        }
    }
}

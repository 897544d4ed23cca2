using System;
using System.Diagnostics.CodeAnalysis;

namespace StaticKeras;

/// <summary>Builds and throws the exceptions kernels and models share, off the hot path.</summary>
internal static class ThrowHelper
{
    public static void ThrowIfTooShort(ReadOnlySpan<float> span, long needed, string name)
    {
        if (span.Length < needed)
        {
            ThrowTooShort(span.Length, needed, name);
        }
    }

    public static void ThrowIfTooShort(Span<float> span, long needed, string name) => ThrowIfTooShort((ReadOnlySpan<float>)span, needed, name);

    [DoesNotReturn]
    public static void ThrowTooShort(int length, long needed, string name) =>
        throw new ArgumentException($"{name} holds {length} values but the operation needs {needed}.", name);
}

using System;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace StaticKeras.Activations;

/// <summary>
/// Keras's <c>relu</c>: <c>max(x, 0)</c> (keras/src/activations/activations.py). A GEMM applies it
/// in registers, before the tile is stored.
/// </summary>
[KerasActivation("relu")]
public readonly struct Relu : IActivation
{
    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength) => TensorPrimitives.Max(x, 0f, y);

    /// <inheritdoc/>
    /// <remarks>Effectively computes <c>dx = y &gt; 0 ? dy : 0</c>.</remarks>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= dy.Length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                Vector512<float> positive = Vector512.GreaterThan(Vector512.Create(y.Slice(i, Vector512<float>.Count)), Vector512<float>.Zero);
                Vector512.ConditionalSelect(positive, Vector512.Create(dy.Slice(i, Vector512<float>.Count)), Vector512<float>.Zero).CopyTo(dx.Slice(i));
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= dy.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<float> positive = Vector256.GreaterThan(Vector256.Create(y.Slice(i, Vector256<float>.Count)), Vector256<float>.Zero);
                Vector256.ConditionalSelect(positive, Vector256.Create(dy.Slice(i, Vector256<float>.Count)), Vector256<float>.Zero).CopyTo(dx.Slice(i));
            }
        }

        for (; i < dy.Length; i++)
        {
            dx[i] = y[i] > 0f ? dy[i] : 0f;
        }
    }
}

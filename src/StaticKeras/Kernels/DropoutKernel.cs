using System;
using System.Numerics.Tensors;

namespace StaticKeras.Kernels;

/// <summary>
/// Inverted dropout, as Keras: while training each value is kept with probability <c>1 − rate</c>
/// and scaled by <c>1 / (1 − rate)</c>; the mask (0 or the scale) is kept for the backward pass.
/// </summary>
public static class DropoutKernel
{
    /// <summary>Draws a mask and writes <c>y = x · mask</c>.</summary>
    public static void ForwardTraining(ReadOnlySpan<float> x, Span<float> y, Span<float> mask, double rate, SeededRandom random)
    {
        DrawMask(mask, rate, random);
        TensorPrimitives.Multiply(x, mask, y);
    }

    /// <summary>Fills <paramref name="mask"/> in order: each value kept (<c>1 / (1 − rate)</c>) with probability <c>1 − rate</c>, else 0.</summary>
    internal static void DrawMask(Span<float> mask, double rate, SeededRandom random)
    {
        float scale = (float)(1.0 / (1.0 - rate));
        float keep = (float)(1.0 - rate);
        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = random.NextSingle() < keep ? scale : 0f;
        }
    }

    /// <summary><c>dx (+)= dy · mask</c>.</summary>
    public static void Backward(ReadOnlySpan<float> dy, ReadOnlySpan<float> mask, Span<float> dx, bool accumulate) =>
        ElementwiseKernel.MultiplyBackward(dy, mask, dx, accumulate);
}

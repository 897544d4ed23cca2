using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's parameterised ReLU (the <c>ReLU</c> and <c>LeakyReLU</c> layers), as
/// keras/src/activations/activations.py computes it: <c>min(x, maxValue)</c> above the threshold,
/// <c>negativeSlope · (x − threshold)</c> at or below it.
/// </summary>
public static class ReluKernel
{
    /// <summary>Computes the activation of every value.</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, float maxValue, float negativeSlope, float threshold)
    {
        for (int i = 0; i < x.Length; i++)
        {
            float v = x[i];
            y[i] = v > threshold ? MathF.Min(v, maxValue) : negativeSlope * (v - threshold);
        }
    }

    /// <summary><c>dx (+)= dy · f'(x)</c>: 1 between the threshold and the maximum, the slope below, 0 above.</summary>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx, float maxValue, float negativeSlope, float threshold, bool accumulate)
    {
        for (int i = 0; i < dy.Length; i++)
        {
            float v = x[i];
            float g = dy[i] * (v > threshold ? (v < maxValue ? 1f : 0f) : v < threshold ? negativeSlope : 0f);
            dx[i] = accumulate ? dx[i] + g : g;
        }
    }
}

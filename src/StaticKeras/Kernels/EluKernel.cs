using System;

namespace StaticKeras.Kernels;

/// <summary>Keras's <c>ELU</c> layer: <c>x</c> above 0, <c>alpha · (exp(x) − 1)</c> at or below.</summary>
public static class EluKernel
{
    /// <summary>Computes the activation of every value.</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, float alpha)
    {
        for (int i = 0; i < x.Length; i++)
        {
            float v = x[i];
            y[i] = v > 0f ? v : alpha * (MathF.Exp(v) - 1f);
        }
    }

    /// <summary><c>dx (+)= dy · (x &gt; 0 ? 1 : alpha · exp(x))</c>, from the input so any alpha is exact.</summary>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx, float alpha, bool accumulate)
    {
        for (int i = 0; i < dy.Length; i++)
        {
            float v = x[i];
            float g = dy[i] * (v > 0f ? 1f : alpha * MathF.Exp(v));
            dx[i] = accumulate ? dx[i] + g : g;
        }
    }
}

using System;

namespace StaticKeras.Activations;

/// <summary>Keras's <c>elu</c> with <c>alpha = 1</c>: <c>x</c> for <c>x &gt; 0</c>, else <c>exp(x) − 1</c>.</summary>
[KerasActivation("elu")]
public readonly struct Elu : IActivation
{
    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength) => EluMath.Forward(x, y, 1f, 1f);

    /// <inheritdoc/>
    /// <remarks>For <c>x ≤ 0</c> the slope is <c>exp(x) = y + 1</c>.</remarks>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength) =>
        EluMath.Backward(y, dy, dx, 1f, 1f);
}

/// <summary>The arithmetic ELU, SELU and the ELU layer share: <c>scale · (x &gt; 0 ? x : alpha·(exp(x) − 1))</c>.</summary>
internal static class EluMath
{
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, float alpha, float scale)
    {
        for (int i = 0; i < x.Length; i++)
        {
            float v = x[i];
            y[i] = scale * (v > 0f ? v : alpha * (MathF.Exp(v) - 1f));
        }
    }

    /// <summary>From the output: for <c>x ≤ 0</c>, <c>dy/dx = scale·alpha·exp(x) = y + scale·alpha</c>.</summary>
    public static void Backward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, float alpha, float scale)
    {
        for (int i = 0; i < dy.Length; i++)
        {
            float v = y[i];
            dx[i] = dy[i] * (v > 0f ? scale : v + (scale * alpha));
        }
    }
}

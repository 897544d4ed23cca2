using System;

namespace StaticKeras.Activations;

/// <summary>
/// Keras's <c>leaky_relu</c> with the function's default <c>negative_slope = 0.2</c>:
/// <c>x</c> for <c>x &gt; 0</c>, else <c>0.2·x</c> (the <c>LeakyReLU</c> layer takes other slopes).
/// </summary>
[KerasActivation("leaky_relu")]
public readonly struct LeakyRelu : IActivation
{
    /// <summary>Keras's default slope for the activation function.</summary>
    public const float NegativeSlope = 0.2f;

    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = x[i] > 0f ? x[i] : NegativeSlope * x[i];
        }
    }

    /// <inheritdoc/>
    /// <remarks>The slope keeps the sign, so the output says which side the input was on.</remarks>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength)
    {
        for (int i = 0; i < dy.Length; i++)
        {
            dx[i] = y[i] > 0f ? dy[i] : NegativeSlope * dy[i];
        }
    }
}

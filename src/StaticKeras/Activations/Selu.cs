using System;

namespace StaticKeras.Activations;

/// <summary>
/// Keras's <c>selu</c>: <c>scale · elu(x, alpha)</c> with Klambauer et al.'s constants
/// <c>alpha = 1.67326324</c>, <c>scale = 1.05070098</c> (keras/src/activations/activations.py).
/// </summary>
[KerasActivation("selu")]
public readonly struct Selu : IActivation
{
    private const float Alpha = 1.67326324f;
    private const float Scale = 1.05070098f;

    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength) => EluMath.Forward(x, y, Alpha, Scale);

    /// <inheritdoc/>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength) =>
        EluMath.Backward(y, dy, dx, Alpha, Scale);
}

using System;

namespace StaticKeras.Activations;

/// <summary>Keras's <c>linear</c>: the identity, every layer's default activation.</summary>
[KerasActivation("linear", Derivative = ActivationDerivative.Identity)]
public readonly struct Linear : IActivation
{
    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength)
    {
        if (!x.Overlaps(y))
        {
            x.CopyTo(y);
        }
    }

    /// <inheritdoc/>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength)
    {
        if (!dy.Overlaps(dx))
        {
            dy.CopyTo(dx);
        }
    }
}

using System;

namespace StaticKeras.Activations;

/// <summary>
/// Keras's <c>celu</c> with <c>alpha = 1</c>: <c>max(0, x) + min(0, alpha·(exp(x/alpha) − 1))</c>,
/// which for <c>alpha = 1</c> is ELU's formula.
/// </summary>
[KerasActivation("celu")]
public readonly struct Celu : IActivation
{
    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength) => EluMath.Forward(x, y, 1f, 1f);

    /// <inheritdoc/>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength) =>
        EluMath.Backward(y, dy, dx, 1f, 1f);
}

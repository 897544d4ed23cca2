using System;

namespace StaticKeras;

/// <summary>
/// An activation function as a module: its forward pass and its derivative, called statically by
/// generated code (no virtual calls, no allocation, Native AOT-safe). Built-in activations live in
/// <see cref="Activations"/>; a user activation is a type implementing this interface with a
/// <see cref="KerasActivationAttribute"/> that says what its derivative needs, used as
/// <c>[Dense(64, Activation = typeof(MyActivation))]</c>.
/// </summary>
/// <remarks>
/// Rows are the last axis: <c>rowLength</c> is its length. Elementwise activations ignore it;
/// row-wise ones (softmax) normalise each row.
/// </remarks>
public interface IActivation
{
    /// <summary>Computes <c>y = f(x)</c>; <paramref name="y"/> may be the same memory as <paramref name="x"/>.</summary>
    /// <param name="x">The input.</param>
    /// <param name="y">Receives the output, as long as <paramref name="x"/>.</param>
    /// <param name="rowLength">The length of the last axis.</param>
    static abstract void Forward(ReadOnlySpan<float> x, Span<float> y, int rowLength);

    /// <summary>
    /// Computes <c>dx = dy · f'(...)</c>; <paramref name="dx"/> may be the same memory as
    /// <paramref name="dy"/>. The caller passes what <see cref="KerasActivationAttribute.Derivative"/>
    /// asks for: <paramref name="x"/> for <see cref="ActivationDerivative.FromInput"/>,
    /// <paramref name="y"/> for <see cref="ActivationDerivative.FromOutput"/> (the other may be empty).
    /// </summary>
    /// <param name="x">The forward input.</param>
    /// <param name="y">The forward output.</param>
    /// <param name="dy">dL/dy.</param>
    /// <param name="dx">Receives dL/dx.</param>
    /// <param name="rowLength">The length of the last axis.</param>
    static abstract void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength);

    /// <summary>
    /// True when each output value depends on its input value alone, so a GEMM may apply the
    /// activation to each output tile while it is still in cache (its epilogue); false for
    /// row-wise activations such as softmax, which need finished rows.
    /// </summary>
    static virtual bool Elementwise => true;
}

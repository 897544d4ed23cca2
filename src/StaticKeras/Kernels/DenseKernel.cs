using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's Dense on the last axis: <c>y = activation(x · kernel + bias)</c> with kernel
/// <c>(inputs, units)</c>; rows are every position but the last axis (batch × other dims).
/// </summary>
public static class DenseKernel
{
    /// <summary>Computes <c>y = activation(x · kernel + bias)</c>.</summary>
    /// <param name="x">Input, <c>(rows, inputs)</c>.</param>
    /// <param name="kernel">Kernel, <c>(inputs, units)</c>.</param>
    /// <param name="bias">Bias, <c>(units,)</c>, or empty for <c>UseBias = false</c>.</param>
    /// <param name="y">Output, <c>(rows, units)</c>.</param>
    /// <param name="rows">Rows of x.</param>
    /// <param name="inputs">Input features.</param>
    /// <param name="units">Output features.</param>
    /// <param name="activation">The activation.</param>
    public static void Forward(ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, ReadOnlySpan<float> bias, Span<float> y, int rows, int inputs, int units, Activation activation)
    {
        // Bias and every activation but softmax run in the GEMM's epilogue, on each tile while it
        // is hot; softmax needs whole rows, so it follows the product.
        bool softmax = activation == Activation.Softmax;
        Gemm.Multiply(x, false, kernel, false, y, rows, units, inputs, accumulate: false, bias, softmax ? Activation.Linear : activation);
        if (softmax)
        {
            ActivationKernel.Forward(activation, y.Slice(0, rows * units), rows, units);
        }
    }

    /// <summary>
    /// Backward pass: turns <paramref name="dy"/> into dL/dz in place (unless it already is), then
    /// writes <c>dKernel = xᵀ·dz</c>, <c>dBias = Σ_rows dz</c> and <c>dx (+)= dz·kernelᵀ</c>.
    /// </summary>
    /// <param name="x">The forward input, <c>(rows, inputs)</c>.</param>
    /// <param name="kernel">The kernel, <c>(inputs, units)</c>.</param>
    /// <param name="y">The forward output, <c>(rows, units)</c>.</param>
    /// <param name="dy">dL/dy on entry, dL/dz on return, <c>(rows, units)</c>.</param>
    /// <param name="dKernel">Receives dL/dkernel.</param>
    /// <param name="dBias">Receives dL/dbias; empty without a bias.</param>
    /// <param name="dx">Receives dL/dx; empty when the input needs no gradient.</param>
    /// <param name="accumulateDx">Add to dx (another layer also reads x) instead of overwriting it.</param>
    /// <param name="rows">Rows of x.</param>
    /// <param name="inputs">Input features.</param>
    /// <param name="units">Output features.</param>
    /// <param name="activation">The activation used forward.</param>
    /// <param name="dyIsPreActivation">True when the loss already gave dL/dz (fused softmax or sigmoid cross-entropy).</param>
    public static void Backward(
        ReadOnlySpan<float> x,
        ReadOnlySpan<float> kernel,
        ReadOnlySpan<float> y,
        Span<float> dy,
        Span<float> dKernel,
        Span<float> dBias,
        Span<float> dx,
        bool accumulateDx,
        int rows,
        int inputs,
        int units,
        Activation activation,
        bool dyIsPreActivation = false)
    {
        Span<float> dz = dy.Slice(0, rows * units);
        if (!dyIsPreActivation)
        {
            ActivationKernel.Backward(activation, y, dz, rows, units);
        }

        Gemm.Multiply(x, true, dz, false, dKernel, inputs, units, rows, accumulate: false);
        if (!dBias.IsEmpty)
        {
            ReductionKernel.SumRows(dz, dBias, rows, units);
        }

        if (!dx.IsEmpty)
        {
            Gemm.Multiply(dz, false, kernel, true, dx, rows, inputs, units, accumulateDx);
        }
    }
}

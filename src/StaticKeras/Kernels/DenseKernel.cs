using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's Dense on the last axis: <c>y = activation(x · kernel + bias)</c> with kernel
/// <c>(inputs, units)</c>; rows are every position but the last axis (batch × other dims).
/// </summary>
public static class DenseKernel
{
    /// <summary>Computes <c>y = activation(x · kernel + bias)</c>.</summary>
    /// <typeparam name="TActivation">The activation (<see cref="Activations.Linear"/> for none).</typeparam>
    /// <param name="x">Input, <c>(rows, inputs)</c>.</param>
    /// <param name="kernel">Kernel, <c>(inputs, units)</c>.</param>
    /// <param name="bias">Bias, <c>(units,)</c>, or empty for <c>UseBias = false</c>.</param>
    /// <param name="y">Output, <c>(rows, units)</c>.</param>
    /// <param name="rows">Rows of x.</param>
    /// <param name="inputs">Input features.</param>
    /// <param name="units">Output features.</param>
    /// <param name="preActivation">
    /// Receives <c>x · kernel + bias</c> when the activation's derivative needs its input (training
    /// with GELU, swish); empty otherwise.
    /// </param>
    public static void Forward<TActivation>(ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, ReadOnlySpan<float> bias, Span<float> y, int rows, int inputs, int units, Span<float> preActivation = default)
        where TActivation : struct, IActivation
    {
        int count = rows * units;
        if (!preActivation.IsEmpty)
        {
            Gemm.Multiply(x, false, kernel, false, preActivation, rows, units, inputs, accumulate: false, bias, GemmActivation.None, GemmRunner.Kernel, KernelOptions.Threads);
            TActivation.Forward(preActivation.Slice(0, count), y.Slice(0, count), units);
        }
        else if (TActivation.Elementwise)
        {
            // The bias and an elementwise activation run in the GEMM's epilogue, on each tile while it is hot.
            Gemm.Multiply(x, false, kernel, false, y, rows, units, inputs, accumulate: false, bias, GemmActivation.For<TActivation>(), GemmRunner.Kernel, KernelOptions.Threads);
        }
        else
        {
            // Softmax needs whole rows, so it follows the product.
            Gemm.Multiply(x, false, kernel, false, y, rows, units, inputs, accumulate: false, bias, GemmActivation.None, GemmRunner.Kernel, KernelOptions.Threads);
            TActivation.Forward(y.Slice(0, count), y.Slice(0, count), units);
        }
    }

    /// <summary>
    /// Backward pass: turns <paramref name="dy"/> into dL/dz in place (unless it already is), then
    /// writes <c>dKernel = xᵀ·dz</c>, <c>dBias = Σ_rows dz</c> and <c>dx (+)= dz·kernelᵀ</c>.
    /// </summary>
    /// <typeparam name="TActivation">The activation used forward.</typeparam>
    /// <param name="x">The forward input, <c>(rows, inputs)</c>.</param>
    /// <param name="kernel">The kernel, <c>(inputs, units)</c>.</param>
    /// <param name="preActivation">The forward pre-activation when the activation's derivative needs it; else empty.</param>
    /// <param name="y">The forward output, <c>(rows, units)</c>.</param>
    /// <param name="dy">dL/dy on entry, dL/dz on return, <c>(rows, units)</c>.</param>
    /// <param name="dKernel">Receives dL/dkernel.</param>
    /// <param name="dBias">Receives dL/dbias; empty without a bias.</param>
    /// <param name="dx">Receives dL/dx; empty when the input needs no gradient.</param>
    /// <param name="accumulateDx">Add to dx (another layer also reads x) instead of overwriting it.</param>
    /// <param name="rows">Rows of x.</param>
    /// <param name="inputs">Input features.</param>
    /// <param name="units">Output features.</param>
    /// <param name="dyIsPreActivation">True when the loss already gave dL/dz (fused softmax or sigmoid cross-entropy).</param>
    public static void Backward<TActivation>(
        ReadOnlySpan<float> x,
        ReadOnlySpan<float> kernel,
        ReadOnlySpan<float> preActivation,
        ReadOnlySpan<float> y,
        Span<float> dy,
        Span<float> dKernel,
        Span<float> dBias,
        Span<float> dx,
        bool accumulateDx,
        int rows,
        int inputs,
        int units,
        bool dyIsPreActivation = false)
        where TActivation : struct, IActivation
    {
        Span<float> dz = dy.Slice(0, rows * units);
        ActivationKernel.BackwardInPlace<TActivation>(preActivation, y, dz, units, dyIsPreActivation);

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

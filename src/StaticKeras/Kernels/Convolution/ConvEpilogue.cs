using System;

namespace StaticKeras.Kernels;

/// <summary>
/// The convolution family's one fused activation, ReLU, in the GEMM's epilogue and backward.
/// The only place these kernels name <see cref="Activation"/>: the GEMM's epilogue is specified
/// by that enum today and will change with the activation modules, and only this file follows.
/// </summary>
internal static class ConvEpilogue
{
    /// <summary>The GEMM epilogue for a fused bias + optional ReLU.</summary>
    public static Activation Gemm(bool relu) => relu ? Activation.Relu : Activation.Linear;

    /// <summary>
    /// The first <paramref name="length"/> values of <paramref name="dy"/> as dL/dz: turned in place
    /// into <c>dy · [y &gt; 0]</c> when the forward pass fused a ReLU (<c>y = relu(z)</c>), else as they are.
    /// </summary>
    public static Span<float> PreActivationGradient(ReadOnlySpan<float> y, Span<float> dy, int length, bool relu)
    {
        Span<float> dz = dy.Slice(0, length);
        if (relu)
        {
            ThrowHelper.ThrowIfTooShort(y, length, nameof(y));
            ActivationKernel.Backward(Activation.Relu, y.Slice(0, length), dz, 1, length);
        }

        return dz;
    }
}

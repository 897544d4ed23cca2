using System;

namespace StaticKeras.Kernels;

/// <summary>
/// The convolution family's one fused activation, ReLU, in the GEMM's epilogue and backward
/// (other activations run as their modules after the convolution, planned by the layer).
/// </summary>
internal static class ConvEpilogue
{
    /// <summary>The GEMM epilogue for a fused bias + optional ReLU.</summary>
    public static GemmActivation Gemm(bool relu) => relu ? GemmActivation.ReluInRegisters : GemmActivation.None;

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
            Activations.Relu.Backward(default, y.Slice(0, length), dz, dz, length);
        }

        return dz;
    }
}

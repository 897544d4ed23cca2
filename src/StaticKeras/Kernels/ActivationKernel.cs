using System;

namespace StaticKeras.Kernels;

/// <summary>
/// An activation module applied after a layer's own kernel (a convolution with an activation its
/// epilogue does not fuse): forward over the layer's output, backward in place on dL/dy so the
/// layer's products then read dL/dz.
/// </summary>
public static class ActivationKernel
{
    /// <summary>Computes <c>y = f(z)</c>; <paramref name="y"/> may be <paramref name="z"/>.</summary>
    /// <typeparam name="TActivation">The activation module.</typeparam>
    /// <param name="z">The pre-activation values.</param>
    /// <param name="y">Receives the activations.</param>
    /// <param name="rowLength">The last axis (the channels), for row-wise activations.</param>
    public static void Forward<TActivation>(ReadOnlySpan<float> z, Span<float> y, int rowLength)
        where TActivation : struct, IActivation =>
        TActivation.Forward(z, y, rowLength);

    /// <summary>Turns dL/dy into dL/dz in place, unless the loss already gave dL/dz (a fused softmax or sigmoid).</summary>
    /// <typeparam name="TActivation">The activation module.</typeparam>
    /// <param name="z">The pre-activation values when the derivative needs them, else empty.</param>
    /// <param name="y">The activations.</param>
    /// <param name="dy">dL/dy on entry, dL/dz on return.</param>
    /// <param name="rowLength">The last axis.</param>
    /// <param name="dyIsPreActivation">True when <paramref name="dy"/> already is dL/dz.</param>
    public static void BackwardInPlace<TActivation>(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dy, int rowLength, bool dyIsPreActivation)
        where TActivation : struct, IActivation
    {
        // Linear's derivative is 1: dL/dz is dL/dy already.
        if (!dyIsPreActivation && typeof(TActivation) != typeof(Activations.Linear))
        {
            TActivation.Backward(z, y, dy, dy, rowLength);
        }
    }
}

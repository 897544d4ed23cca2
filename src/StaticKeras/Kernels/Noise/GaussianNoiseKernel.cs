using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's GaussianNoise: while training, <c>y = x + n</c> with <c>n ~ N(0, stddev²)</c> drawn
/// per element from the layer's seeded stream (keras/src/layers/regularization/gaussian_noise.py);
/// the identity at inference. The noise is additive, so the backward pass is the identity.
/// </summary>
public static class GaussianNoiseKernel
{
    /// <summary>Writes <c>y = x + stddev · N(0, 1)</c>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="y">Output, x's length (may be x itself).</param>
    /// <param name="stddev">Keras's <c>stddev</c>.</param>
    /// <param name="random">The layer's seeded stream.</param>
    public static void ForwardTraining(ReadOnlySpan<float> x, Span<float> y, double stddev, SeededRandom random)
    {
        ThrowHelper.ThrowIfTooShort(y, x.Length, nameof(y));
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = x[i] + (float)(stddev * random.NextGaussian());
        }
    }

    /// <summary><c>dx (+)= dy</c>.</summary>
    /// <param name="dy">dL/dy.</param>
    /// <param name="dx">Receives dL/dx.</param>
    /// <param name="accumulate">Add to dx instead of overwriting it.</param>
    public static void Backward(ReadOnlySpan<float> dy, Span<float> dx, bool accumulate) => ElementwiseKernel.Route(dy, dx, accumulate);
}

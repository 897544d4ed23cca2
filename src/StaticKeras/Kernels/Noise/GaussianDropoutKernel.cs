using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's GaussianDropout: while training, <c>y = x · n</c> with <c>n ~ N(1, rate / (1 − rate))</c>
/// per element (keras/src/layers/regularization/gaussian_dropout.py: standard deviation
/// <c>sqrt(rate / (1 − rate))</c>); the identity at inference. The noise is kept for the backward pass.
/// </summary>
public static class GaussianDropoutKernel
{
    /// <summary>Draws the noise and writes <c>y = x · noise</c>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="y">Output, x's length (may be x itself).</param>
    /// <param name="noise">Receives the multiplicative noise, x's length.</param>
    /// <param name="rate">Keras's <c>rate</c>.</param>
    /// <param name="random">The layer's seeded stream.</param>
    public static void ForwardTraining(ReadOnlySpan<float> x, Span<float> y, Span<float> noise, double rate, SeededRandom random)
    {
        ThrowHelper.ThrowIfTooShort(y, x.Length, nameof(y));
        ThrowHelper.ThrowIfTooShort(noise, x.Length, nameof(noise));
        double stddev = Math.Sqrt(rate / (1.0 - rate));
        for (int i = 0; i < x.Length; i++)
        {
            noise[i] = (float)(1.0 + (stddev * random.NextGaussian()));
        }

        ElementwiseKernel.Multiply(x, noise.Slice(0, x.Length), y);
    }

    /// <summary><c>dx (+)= dy · noise</c>.</summary>
    /// <param name="dy">dL/dy.</param>
    /// <param name="noise">The forward pass's noise.</param>
    /// <param name="dx">Receives dL/dx.</param>
    /// <param name="accumulate">Add to dx instead of overwriting it.</param>
    public static void Backward(ReadOnlySpan<float> dy, ReadOnlySpan<float> noise, Span<float> dx, bool accumulate) =>
        ElementwiseKernel.MultiplyBackward(dy, noise, dx, accumulate);
}

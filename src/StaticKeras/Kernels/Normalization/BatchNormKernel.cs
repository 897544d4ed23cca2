using System;

namespace StaticKeras.Kernels;

/// <summary>
/// Keras's BatchNormalization over one axis of a tensor seen as <c>(outer, channels, inner)</c>
/// (the last axis: <c>inner = 1</c>, <c>outer</c> = batch × the other dimensions). Training
/// normalises with the batch statistics (biased variance) and updates the moving ones; inference
/// uses the moving statistics. A center or scale switched off is passed as an empty beta or gamma
/// (0 and 1). The caller owns every buffer: the caches <c>mean</c> and <c>inverseStd</c> that the
/// training backward pass reads, and an op-local scratch of <see cref="ScratchSize"/> floats.
/// </summary>
/// <remarks>
/// From keras/src/layers/normalization/batch_normalization.py (<c>call</c>: the moving update
/// <c>moving · momentum + batch · (1 − momentum)</c>) and keras/src/backend/jax/nn.py
/// (<c>batch_normalization</c>: <c>inv = rsqrt(variance + epsilon) · gamma</c>,
/// <c>y = x · inv + (beta − mean · inv)</c>). Statistics are summed in a fixed order on the
/// calling thread; the elementwise passes split rows across threads; the results do not depend
/// on the thread count.
/// </remarks>
public static unsafe class BatchNormKernel
{
    /// <summary>Floats of op-local scratch for <paramref name="channels"/> channels.</summary>
    /// <param name="channels">Channels of the normalised axis.</param>
    /// <returns>The scratch length in floats.</returns>
    public static int ScratchSize(int channels) => 6 * channels;

    /// <summary>Training forward: batch statistics into the caches, the moving statistics updated, <c>y</c> normalised.</summary>
    /// <param name="x">Input, <c>(outer, channels, inner)</c>.</param>
    /// <param name="gamma">Scale, <c>(channels,)</c>, or empty for <c>scale=False</c>.</param>
    /// <param name="beta">Offset, <c>(channels,)</c>, or empty for <c>center=False</c>.</param>
    /// <param name="movingMean">Moving mean, updated in place.</param>
    /// <param name="movingVariance">Moving variance, updated in place.</param>
    /// <param name="y">Output, x's shape (may be x itself).</param>
    /// <param name="mean">Receives the batch mean (a cache for the backward pass).</param>
    /// <param name="inverseStd">Receives <c>1 / sqrt(batch variance + epsilon)</c> (a cache for the backward pass).</param>
    /// <param name="shape">The tensor as <c>(outer, channels, inner)</c>.</param>
    /// <param name="momentum">Keras's <c>momentum</c> (0.99 by default).</param>
    /// <param name="epsilon">Keras's <c>epsilon</c> (1e-3 by default).</param>
    /// <param name="scratch">Op-local scratch, <see cref="ScratchSize"/> floats.</param>
    public static void ForwardTraining(ReadOnlySpan<float> x, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, Span<float> movingMean, Span<float> movingVariance, Span<float> y, Span<float> mean, Span<float> inverseStd, NormalizationShape shape, double momentum, double epsilon, Span<float> scratch)
    {
        Check(shape, x, y, gamma, beta, scratch);
        int c = shape.Channels;
        ThrowHelper.ThrowIfTooShort(movingMean, c, nameof(movingMean));
        ThrowHelper.ThrowIfTooShort(movingVariance, c, nameof(movingVariance));
        ThrowHelper.ThrowIfTooShort(mean, c, nameof(mean));
        ThrowHelper.ThrowIfTooShort(inverseStd, c, nameof(inverseStd));
        float count = shape.Count;
        fixed (float* px = x, pg = gamma, pb = beta, pmm = movingMean, pmv = movingVariance, py = y, pm = mean, ps = inverseStd, pscratch = scratch)
        {
            BatchNormPasses.Sum(px, shape, pm);
            for (int j = 0; j < c; j++)
            {
                pm[j] /= count;
                ps[j] = 0f;
            }

            BatchNormPasses.AddSquaredDeviations(px, shape, pm, ps);
            float keep = (float)momentum, take = (float)(1.0 - momentum);
            for (int j = 0; j < c; j++)
            {
                float variance = ps[j] / count;
                pmm[j] = (pmm[j] * keep) + (pm[j] * take);
                pmv[j] = (pmv[j] * keep) + (variance * take);
                ps[j] = 1f / MathF.Sqrt(variance + (float)epsilon);
            }

            Normalize(shape, px, py, Nullable(gamma, pg), Nullable(beta, pb), pm, ps, pscratch);
        }
    }

    /// <summary>Inference forward: <c>y</c> normalised with the moving statistics.</summary>
    /// <param name="x">Input, <c>(outer, channels, inner)</c>.</param>
    /// <param name="gamma">Scale, or empty.</param>
    /// <param name="beta">Offset, or empty.</param>
    /// <param name="movingMean">Moving mean.</param>
    /// <param name="movingVariance">Moving variance.</param>
    /// <param name="y">Output, x's shape (may be x itself).</param>
    /// <param name="shape">The tensor as <c>(outer, channels, inner)</c>.</param>
    /// <param name="epsilon">Keras's <c>epsilon</c>.</param>
    /// <param name="scratch">Op-local scratch, <see cref="ScratchSize"/> floats.</param>
    public static void ForwardInference(ReadOnlySpan<float> x, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, ReadOnlySpan<float> movingMean, ReadOnlySpan<float> movingVariance, Span<float> y, NormalizationShape shape, double epsilon, Span<float> scratch)
    {
        Check(shape, x, y, gamma, beta, scratch);
        ThrowHelper.ThrowIfTooShort(movingMean, shape.Channels, nameof(movingMean));
        ThrowHelper.ThrowIfTooShort(movingVariance, shape.Channels, nameof(movingVariance));
        fixed (float* px = x, pg = gamma, pb = beta, pmm = movingMean, pmv = movingVariance, py = y, pscratch = scratch)
        {
            float* inverseStd = pscratch + (5 * shape.Channels);
            InverseStd(pmv, inverseStd, shape.Channels, epsilon);
            Normalize(shape, px, py, Nullable(gamma, pg), Nullable(beta, pb), pmm, inverseStd, pscratch);
        }
    }

    /// <summary>
    /// Training backward: <c>dGamma = Σ dy · x̂</c>, <c>dBeta = Σ dy</c> (each skipped when empty)
    /// and <c>dx (+)= gamma · inverseStd · (dy − dBeta / n − x̂ · dGamma / n)</c>, where
    /// <c>x̂ = (x − mean) · inverseStd</c> and <c>n = outer · inner</c>: the statistics depend on x.
    /// </summary>
    /// <param name="x">The forward input.</param>
    /// <param name="dy">dL/dy.</param>
    /// <param name="gamma">Scale, or empty.</param>
    /// <param name="mean">The forward pass's batch mean.</param>
    /// <param name="inverseStd">The forward pass's inverse standard deviation.</param>
    /// <param name="dx">Receives dL/dx, or empty.</param>
    /// <param name="dGamma">Receives dL/dgamma, or empty.</param>
    /// <param name="dBeta">Receives dL/dbeta, or empty.</param>
    /// <param name="accumulateDx">Add to dx instead of overwriting it.</param>
    /// <param name="shape">The tensor as <c>(outer, channels, inner)</c>.</param>
    /// <param name="scratch">Op-local scratch, <see cref="ScratchSize"/> floats.</param>
    public static void BackwardTraining(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, ReadOnlySpan<float> gamma, ReadOnlySpan<float> mean, ReadOnlySpan<float> inverseStd, Span<float> dx, Span<float> dGamma, Span<float> dBeta, bool accumulateDx, NormalizationShape shape, Span<float> scratch) =>
        Backward(x, dy, gamma, mean, inverseStd, dx, dGamma, dBeta, accumulateDx, shape, scratch, statisticsFromBatch: true);

    /// <summary>
    /// Backward through the moving statistics (a layer run in inference mode, such as a frozen
    /// one): <c>dx (+)= dy · gamma · inverseStd</c>, with <c>dGamma</c> and <c>dBeta</c> as in training.
    /// </summary>
    /// <param name="x">The forward input.</param>
    /// <param name="dy">dL/dy.</param>
    /// <param name="gamma">Scale, or empty.</param>
    /// <param name="movingMean">Moving mean.</param>
    /// <param name="movingVariance">Moving variance.</param>
    /// <param name="dx">Receives dL/dx, or empty.</param>
    /// <param name="dGamma">Receives dL/dgamma, or empty.</param>
    /// <param name="dBeta">Receives dL/dbeta, or empty.</param>
    /// <param name="accumulateDx">Add to dx instead of overwriting it.</param>
    /// <param name="shape">The tensor as <c>(outer, channels, inner)</c>.</param>
    /// <param name="epsilon">Keras's <c>epsilon</c>.</param>
    /// <param name="scratch">Op-local scratch, <see cref="ScratchSize"/> floats.</param>
    public static void BackwardInference(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, ReadOnlySpan<float> gamma, ReadOnlySpan<float> movingMean, ReadOnlySpan<float> movingVariance, Span<float> dx, Span<float> dGamma, Span<float> dBeta, bool accumulateDx, NormalizationShape shape, double epsilon, Span<float> scratch)
    {
        ThrowHelper.ThrowIfTooShort(movingVariance, shape.Channels, nameof(movingVariance));
        ThrowHelper.ThrowIfTooShort(scratch, ScratchSize(shape.Channels), nameof(scratch));
        Span<float> inverseStd = scratch.Slice(5 * shape.Channels, shape.Channels);
        fixed (float* pmv = movingVariance, ps = inverseStd)
        {
            InverseStd(pmv, ps, shape.Channels, epsilon);
        }

        Backward(x, dy, gamma, movingMean, inverseStd, dx, dGamma, dBeta, accumulateDx, shape, scratch, statisticsFromBatch: false);
    }

    private static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, ReadOnlySpan<float> gamma, ReadOnlySpan<float> mean, ReadOnlySpan<float> inverseStd, Span<float> dx, Span<float> dGamma, Span<float> dBeta, bool accumulateDx, NormalizationShape shape, Span<float> scratch, bool statisticsFromBatch)
    {
        int c = shape.Channels;
        Check(shape, x, dy, gamma, [], scratch);
        ThrowHelper.ThrowIfTooShort(mean, c, nameof(mean));
        ThrowHelper.ThrowIfTooShort(inverseStd, c, nameof(inverseStd));
        if (!dx.IsEmpty)
        {
            ThrowHelper.ThrowIfTooShort(dx, shape.Size, nameof(dx));
        }

        fixed (float* px = x, pdy = dy, pg = gamma, pm = mean, ps = inverseStd, pdx = dx, pdg = dGamma, pdb = dBeta, pscratch = scratch)
        {
            // Raw sums Σ dy and Σ dy·(x − mean) in scratch, then the gradients of gamma and beta.
            float* sumDy = pscratch, sumDyDev = pscratch + c;
            new Span<float>(pscratch, 2 * c).Clear();
            BatchNormPasses.AddGradientSums(px, pdy, shape, pm, sumDy, sumDyDev);
            for (int j = 0; j < c; j++)
            {
                if (!dBeta.IsEmpty)
                {
                    pdb[j] = sumDy[j];
                }

                if (!dGamma.IsEmpty)
                {
                    pdg[j] = sumDyDev[j] * ps[j];
                }
            }

            if (!dx.IsEmpty)
            {
                InputGradient(shape, px, pdy, pdx, Nullable(gamma, pg), pm, ps, sumDy, sumDyDev, accumulateDx, statisticsFromBatch);
            }
        }
    }

    /// <summary>
    /// dx from per-channel coefficients built in scratch after the raw sums: <c>A = gamma · s</c>;
    /// with batch statistics <c>B = −A · s² · Σdy(x − mean) / n</c>, <c>C = −B · mean − A · Σdy / n</c>;
    /// with moving ones <c>B = C = 0</c>.
    /// </summary>
    private static void InputGradient(NormalizationShape shape, float* x, float* dy, float* dx, float* gamma, float* mean, float* inverseStd, float* sumDy, float* sumDyDev, bool accumulate, bool statisticsFromBatch)
    {
        float n = shape.Count;
        int c = shape.Channels;
        var f = new ChannelCoefficients { A = sumDy + (2 * c), B = sumDy + (3 * c), C = sumDy + (4 * c) };
        for (int j = 0; j < c; j++)
        {
            float s = inverseStd[j];
            float a = (gamma == null ? 1f : gamma[j]) * s;
            float b = statisticsFromBatch ? -a * s * s * sumDyDev[j] / n : 0f;
            f.A[j] = a;
            f.B[j] = b;
            f.C[j] = statisticsFromBatch ? (-b * mean[j]) - (a * sumDy[j] / n) : 0f;
        }

        BatchNormPasses.Gradient(f, x, dy, dx, shape, accumulate);
    }

    /// <summary>y from <c>A = gamma · inverseStd</c>, <c>B = beta − mean · A</c>, built in scratch.</summary>
    private static void Normalize(NormalizationShape shape, float* x, float* y, float* gamma, float* beta, float* mean, float* inverseStd, float* scratch)
    {
        var f = new ChannelCoefficients { A = scratch, B = scratch + shape.Channels };
        for (int j = 0; j < shape.Channels; j++)
        {
            float a = gamma == null ? inverseStd[j] : inverseStd[j] * gamma[j];
            f.A[j] = a;
            f.B[j] = (-mean[j] * a) + (beta == null ? 0f : beta[j]);
        }

        BatchNormPasses.Normalize(f, x, y, shape);
    }

    private static void InverseStd(float* variance, float* inverseStd, int channels, double epsilon)
    {
        for (int j = 0; j < channels; j++)
        {
            inverseStd[j] = 1f / MathF.Sqrt(variance[j] + (float)epsilon);
        }
    }

    private static float* Nullable(ReadOnlySpan<float> span, float* pointer) => span.IsEmpty ? null : pointer;

    private static void Check(NormalizationShape shape, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, ReadOnlySpan<float> scratch)
    {
        ThrowHelper.ThrowIfTooShort(x, shape.Size, nameof(x));
        ThrowHelper.ThrowIfTooShort(y, shape.Size, "y (or dy)");
        ThrowHelper.ThrowIfTooShort(scratch, ScratchSize(shape.Channels), nameof(scratch));
        if (!gamma.IsEmpty)
        {
            ThrowHelper.ThrowIfTooShort(gamma, shape.Channels, nameof(gamma));
        }

        if (!beta.IsEmpty)
        {
            ThrowHelper.ThrowIfTooShort(beta, shape.Channels, nameof(beta));
        }
    }
}

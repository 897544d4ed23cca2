using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>KLDivergence</c> (<c>keras/src/losses/losses.py</c>, <c>kl_divergence</c>):
/// <c>Σ y·log(y / p)</c> over the last axis, both clipped to [1e-7, 1].
/// </summary>
public sealed class KLDivergence : RowwiseLoss
{
    private const double Epsilon = 1e-7;

    /// <inheritdoc/>
    public override string Name => "kl_divergence";

    /// <inheritdoc/>
    protected override double Row(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, Span<float> gradient)
    {
        double sum = 0;
        for (int j = 0; j < predictions.Length; j++)
        {
            double y = Math.Clamp(labels[j], Epsilon, 1), p = Math.Clamp(predictions[j], Epsilon, 1);
            sum += y * Math.Log(y / p);
            if (!gradient.IsEmpty)
            {
                gradient[j] = predictions[j] > Epsilon && predictions[j] < 1 ? (float)(-y / p) : 0f;
            }
        }

        return sum;
    }
}

/// <summary>
/// Keras's <c>CategoricalHinge</c> (<c>losses.py</c>, <c>categorical_hinge</c>): <c>max(neg − pos + 1, 0)</c>
/// with <c>pos = Σ y·p</c> and <c>neg = max((1 − y)·p)</c> over the last axis.
/// </summary>
public sealed class CategoricalHinge : RowwiseLoss
{
    /// <inheritdoc/>
    public override string Name => "categorical_hinge";

    /// <inheritdoc/>
    protected override double Row(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, Span<float> gradient)
    {
        double pos = 0, neg = double.NegativeInfinity;
        int worst = 0;
        for (int j = 0; j < predictions.Length; j++)
        {
            pos += labels[j] * (double)predictions[j];
            double other = (1 - (double)labels[j]) * predictions[j];
            if (other > neg)
            {
                (neg, worst) = (other, j);
            }
        }

        double loss = Math.Max(neg - pos + 1, 0);
        for (int j = 0; j < gradient.Length; j++)
        {
            gradient[j] = loss > 0 ? (float)(-labels[j] + (j == worst ? 1 - labels[j] : 0)) : 0f;
        }

        return loss;
    }
}

/// <summary>
/// Keras's <c>CosineSimilarity</c> loss (<c>losses.py</c>, <c>cosine_similarity</c>): <c>−Σ ŷ·p̂</c> over the
/// last axis, each vector L2-normalised as Keras's <c>normalize</c>, <c>x·rsqrt(max(Σx², ε²))</c>, ε = 1e-7.
/// From −1 (same direction) to 1 (opposite).
/// </summary>
public sealed class CosineSimilarity : RowwiseLoss
{
    private const double EpsilonSquared = 1e-14;

    /// <inheritdoc/>
    public override string Name => "cosine_similarity";

    /// <inheritdoc/>
    protected override double Row(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, Span<float> gradient)
    {
        double pp = 0, yy = 0, yp = 0;
        for (int j = 0; j < predictions.Length; j++)
        {
            pp += (double)predictions[j] * predictions[j];
            yy += (double)labels[j] * labels[j];
            yp += (double)labels[j] * predictions[j];
        }

        double np = Math.Sqrt(Math.Max(pp, EpsilonSquared)), ny = Math.Sqrt(Math.Max(yy, EpsilonSquared));
        for (int j = 0; j < gradient.Length; j++)
        {
            // d/dp of −(y·p)/(|y||p|): the norm term only where |p| is above the clamp.
            double radial = pp > EpsilonSquared ? yp * predictions[j] / (np * np * np) : 0;
            gradient[j] = (float)((-labels[j] / np / ny) + (radial / ny));
        }

        return -yp / (np * ny);
    }
}

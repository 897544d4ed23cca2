using System;

namespace StaticKeras;

/// <summary>The row arithmetic the categorical cross-entropies share (double precision for the sums).</summary>
internal static class CrossEntropy
{
    private const double Epsilon = 1e-7;

    /// <summary>−Σ y·log p̂ for one row, p̂ = clip(p / Σp) or softmax(z).</summary>
    public static double Row(ReadOnlySpan<float> p, ReadOnlySpan<float> y, bool fromLogits)
    {
        double loss = 0;
        if (fromLogits)
        {
            double lse = LogSumExp(p);
            for (int j = 0; j < p.Length; j++)
            {
                loss -= y[j] * (p[j] - lse);
            }

            return loss;
        }

        double total = Sum(p);
        for (int j = 0; j < p.Length; j++)
        {
            if (y[j] != 0)
            {
                loss -= y[j] * Math.Log(Clip(p[j] / total));
            }
        }

        return loss;
    }

    /// <summary>−log p̂[label] for one row.</summary>
    public static double SparseRow(ReadOnlySpan<float> p, int label, bool fromLogits) =>
        fromLogits ? LogSumExp(p) - p[label] : -Math.Log(Clip(p[label] / Sum(p)));

    /// <summary>The gradient of <see cref="Row"/>, scaled, w.r.t. the probabilities or (fused) the logits.</summary>
    public static void RowGradient(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> gradient, bool fromLogits, bool preActivation, double scale)
    {
        double labelMass = Sum(y);
        if (preActivation)
        {
            // Through softmax: dz = softmax(z)·Σy − y.
            double lse = fromLogits ? LogSumExp(p) : 0;
            for (int j = 0; j < p.Length; j++)
            {
                double prob = fromLogits ? Math.Exp(p[j] - lse) : p[j];
                gradient[j] = (float)(((prob * labelMass) - y[j]) * scale);
            }

            return;
        }

        // Through the renormalisation: d/dp_k = −y_k/p_k + Σ_j y_j/Σp, over the terms whose
        // p_j/Σp is not clipped (a clipped term is constant, so it has no gradient).
        double total = Sum(p);
        double liveMass = 0;
        for (int j = 0; j < p.Length; j++)
        {
            liveMass += y[j] != 0 && Inside(p[j] / total) ? y[j] : 0;
        }

        for (int j = 0; j < p.Length; j++)
        {
            double direct = y[j] != 0 && Inside(p[j] / total) ? -y[j] / p[j] : 0;
            gradient[j] = (float)((direct + (liveMass / total)) * scale);
        }
    }

    /// <summary>The gradient of <see cref="SparseRow"/>, scaled.</summary>
    public static void SparseRowGradient(ReadOnlySpan<float> p, int label, Span<float> gradient, bool fromLogits, bool preActivation, double scale)
    {
        if (preActivation)
        {
            double lse = fromLogits ? LogSumExp(p) : 0;
            for (int j = 0; j < p.Length; j++)
            {
                double prob = fromLogits ? Math.Exp(p[j] - lse) : p[j];
                gradient[j] = (float)((prob - (j == label ? 1 : 0)) * scale);
            }

            return;
        }

        double total = Sum(p);
        bool live = Inside(p[label] / total);
        for (int j = 0; j < p.Length; j++)
        {
            gradient[j] = live ? (float)((((j == label) ? -1.0 / p[j] : 0) + (1.0 / total)) * scale) : 0f;
        }
    }

    /// <summary>Checks a label smoothing is in [0, 1], as Keras documents it.</summary>
    public static float CheckSmoothing(float labelSmoothing) =>
        labelSmoothing is >= 0 and <= 1 ? labelSmoothing : throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing, "labelSmoothing must be in [0, 1], as Keras's label_smoothing.");

    /// <summary>Keras's categorical label smoothing: <c>y·(1 − s) + s/classes</c> into <paramref name="smoothed"/>.</summary>
    public static ReadOnlySpan<float> Smooth(ReadOnlySpan<float> labels, float labelSmoothing, Span<float> smoothed)
    {
        float spread = labelSmoothing / labels.Length;
        for (int j = 0; j < labels.Length; j++)
        {
            smoothed[j] = (labels[j] * (1 - labelSmoothing)) + spread;
        }

        return smoothed.Slice(0, labels.Length);
    }

    /// <summary>A stable softmax of one row in place (the row maximum subtracted first).</summary>
    public static void Softmax(Span<float> row)
    {
        double lse = LogSumExp(row);
        for (int j = 0; j < row.Length; j++)
        {
            row[j] = (float)Math.Exp(row[j] - lse);
        }
    }

    /// <summary>Turns d/d(softmax) into d/d(logits) in place: <c>dz = p ⊙ (dp − p·dp)</c>.</summary>
    public static void SoftmaxBackward(ReadOnlySpan<float> probabilities, Span<float> gradient)
    {
        double dot = 0;
        for (int j = 0; j < gradient.Length; j++)
        {
            dot += (double)probabilities[j] * gradient[j];
        }

        for (int j = 0; j < gradient.Length; j++)
        {
            gradient[j] = (float)(probabilities[j] * (gradient[j] - dot));
        }
    }

    private static bool Inside(double q) => q > Epsilon && q < 1 - Epsilon;

    private static double Clip(double q) => Math.Min(Math.Max(q, Epsilon), 1 - Epsilon);

    private static double Sum(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (float v in values)
        {
            sum += v;
        }

        return sum;
    }

    private static double LogSumExp(ReadOnlySpan<float> z)
    {
        double max = double.NegativeInfinity;
        foreach (float v in z)
        {
            max = Math.Max(max, v);
        }

        double sum = 0;
        foreach (float v in z)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }
}

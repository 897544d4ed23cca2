using System;

namespace StaticKeras;

/// <summary>
/// Keras's <c>BinaryFocalCrossentropy</c> (<c>keras/src/losses/losses.py</c>, <c>binary_focal_crossentropy</c>):
/// binary cross-entropy scaled by <c>(1 − pₜ)^γ</c>, <c>pₜ = y·p + (1 − y)(1 − p)</c>, optionally by
/// <c>α</c> for class 1 and <c>1 − α</c> for class 0; labels smoothed towards ½ first; averaged over the last axis.
/// </summary>
public sealed class BinaryFocalCrossentropy : ElementwiseLoss
{
    private const double Epsilon = 1e-7;

    /// <summary>Creates the loss with Keras's defaults.</summary>
    /// <param name="applyClassBalancing">Weigh class 1 by α and class 0 by 1 − α.</param>
    /// <param name="alpha">The weight of class 1 when balancing.</param>
    /// <param name="gamma">The focusing parameter γ; 0 gives binary cross-entropy.</param>
    /// <param name="fromLogits">True when the model outputs logits.</param>
    /// <param name="labelSmoothing">In [0, 1]: labels become <c>y(1 − s) + s/2</c>.</param>
    public BinaryFocalCrossentropy(bool applyClassBalancing = false, float alpha = 0.25f, float gamma = 2f, bool fromLogits = false, float labelSmoothing = 0f)
    {
        ApplyClassBalancing = applyClassBalancing;
        Alpha = alpha;
        Gamma = gamma;
        FromLogits = fromLogits;
        LabelSmoothing = CrossEntropy.CheckSmoothing(labelSmoothing);
    }

    /// <summary>Whether class 1 is weighed by α and class 0 by 1 − α.</summary>
    public bool ApplyClassBalancing { get; }

    /// <summary>The weight of class 1 when balancing.</summary>
    public float Alpha { get; }

    /// <summary>The focusing parameter γ.</summary>
    public float Gamma { get; }

    /// <summary>Whether predictions are logits.</summary>
    public bool FromLogits { get; }

    /// <summary>The label smoothing.</summary>
    public float LabelSmoothing { get; }

    /// <inheritdoc/>
    public override string Name => "binary_focal_crossentropy";

    /// <inheritdoc/>
    protected override double Element(double prediction, double label, out double derivative)
    {
        double y = (label * (1 - LabelSmoothing)) + (0.5 * LabelSmoothing);
        double p = FromLogits ? 1 / (1 + Math.Exp(-prediction)) : prediction;
        double clipped = Math.Clamp(p, Epsilon, 1 - Epsilon);
        double bce = -((y * Math.Log(clipped)) + ((1 - y) * Math.Log(1 - clipped)));
        double dBce = p > Epsilon && p < 1 - Epsilon ? ((1 - y) / (1 - clipped)) - (y / clipped) : 0;
        double rest = 1 - ((y * p) + ((1 - y) * (1 - p)));
        double focal = Math.Pow(rest, Gamma);
        double dFocal = Gamma == 0 ? 0 : -Gamma * Math.Pow(rest, Gamma - 1) * ((2 * y) - 1);
        double weight = ApplyClassBalancing ? (y * Alpha) + ((1 - y) * (1 - Alpha)) : 1;
        derivative = weight * ((dFocal * bce) + (focal * dBce)) * (FromLogits ? p * (1 - p) : 1);
        return weight * focal * bce;
    }
}

/// <summary>
/// Keras's <c>CategoricalFocalCrossentropy</c> (<c>losses.py</c>, <c>categorical_focal_crossentropy</c>):
/// <c>Σ α(1 − p̂)^γ·(−y·log p̂)</c> over the last axis, p̂ the row renormalised by its sum and clipped to
/// [1e-7, 1 − 1e-7] (after a softmax for logits), labels smoothed towards <c>1/classes</c> first.
/// </summary>
public sealed class CategoricalFocalCrossentropy : RowwiseLoss
{
    private const double Epsilon = 1e-7;
    private float[] scratch = Array.Empty<float>();

    /// <summary>Creates the loss with Keras's defaults.</summary>
    /// <param name="alpha">The weight α of every class.</param>
    /// <param name="gamma">The focusing parameter γ; 0 gives α times categorical cross-entropy.</param>
    /// <param name="fromLogits">True when the model outputs logits.</param>
    /// <param name="labelSmoothing">In [0, 1]: labels become <c>y(1 − s) + s/classes</c>.</param>
    public CategoricalFocalCrossentropy(float alpha = 0.25f, float gamma = 2f, bool fromLogits = false, float labelSmoothing = 0f)
    {
        Alpha = alpha;
        Gamma = gamma;
        FromLogits = fromLogits;
        LabelSmoothing = CrossEntropy.CheckSmoothing(labelSmoothing);
    }

    /// <summary>The weight α.</summary>
    public float Alpha { get; }

    /// <summary>The focusing parameter γ.</summary>
    public float Gamma { get; }

    /// <summary>Whether predictions are logits.</summary>
    public bool FromLogits { get; }

    /// <summary>The label smoothing.</summary>
    public float LabelSmoothing { get; }

    /// <inheritdoc/>
    public override string Name => "categorical_focal_crossentropy";

    /// <inheritdoc/>
    protected override double Row(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, Span<float> gradient)
    {
        int n = predictions.Length;
        if (scratch.Length < n)
        {
            scratch = new float[n];
        }

        Span<float> p = scratch.AsSpan(0, n);
        predictions.CopyTo(p);
        if (FromLogits)
        {
            CrossEntropy.Softmax(p);
        }

        double total = 0, loss = 0, weighted = 0;
        foreach (float v in p)
        {
            total += v;
        }

        for (int j = 0; j < n; j++)
        {
            double y = (labels[j] * (1 - LabelSmoothing)) + (LabelSmoothing / n);
            double o = Math.Clamp(p[j] / total, Epsilon, 1 - Epsilon);
            double factor = Alpha * Math.Pow(1 - o, Gamma), cce = -y * Math.Log(o);
            loss += factor * cce;
            bool inside = p[j] / total > Epsilon && p[j] / total < 1 - Epsilon;

            // d/dô of α(1 − ô)^γ·(−y log ô), kept in the gradient row for the chain rule below.
            double dFactor = Gamma == 0 ? 0 : -Alpha * Gamma * Math.Pow(1 - o, Gamma - 1);
            double g = inside ? (dFactor * cce) + (factor * -y / o) : 0;
            weighted += g * p[j];
            if (!gradient.IsEmpty)
            {
                gradient[j] = (float)g;
            }
        }

        if (!gradient.IsEmpty)
        {
            // Through ô = p / Σp: dL/dp_k = G_k/Σp − Σ_j G_j·p_j/(Σp)²; then through softmax for logits.
            for (int j = 0; j < n; j++)
            {
                gradient[j] = (float)((gradient[j] / total) - (weighted / (total * total)));
            }

            if (FromLogits)
            {
                CrossEntropy.SoftmaxBackward(p, gradient);
            }
        }

        return loss;
    }
}

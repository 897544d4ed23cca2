using System;
using StaticKeras.Tensors;

namespace StaticKeras;

/// <summary>
/// Keras's <c>Adam</c>: <c>α = lr·√(1−β₂ᵗ)/(1−β₁ᵗ)</c>; <c>m += (g−m)(1−β₁)</c>;
/// <c>v += (g²−v)(1−β₂)</c>; <c>w −= α·m/(√v + ε)</c>.
/// </summary>
public class Adam : Optimizer
{
    private AlignedBuffer? moments;
    private AlignedBuffer? velocities;
    private long alphaStep;
    private float alphaRate;
    private float alpha;

    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    public Adam(float learningRate = 0.001f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-7f, float? weightDecay = null, float? clipNorm = null, float? clipValue = null, float? globalClipNorm = null)
        : base(learningRate, weightDecay, clipNorm, clipValue, globalClipNorm)
    {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), "beta1 and beta2 must be in [0, 1).");
        }

        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>β₁, the decay of the first moment.</summary>
    public float Beta1 { get; }

    /// <summary>β₂, the decay of the second moment.</summary>
    public float Beta2 { get; }

    /// <summary>ε, added to √v.</summary>
    public float Epsilon { get; }

    /// <inheritdoc/>
    public override string Name => "adam";

    /// <inheritdoc/>
    public override int SlotsPerParameter => 2;

    /// <summary>The first moments <c>m</c> (Keras's momentums).</summary>
    public Span<float> Moments => moments is null ? Span<float>.Empty : moments.Span;

    /// <summary>The second moments <c>v</c> (Keras's velocities).</summary>
    public Span<float> Velocities => velocities is null ? Span<float>.Empty : velocities.Span;

    /// <inheritdoc/>
    protected override void CreateState(int length)
    {
        moments = State(length);
        velocities = State(length);
    }

    /// <inheritdoc/>
    protected override unsafe void Update(Span<float> parameters, ReadOnlySpan<float> gradients, int offset, long step)
    {
        var constants = new AdamConstants(StepSize(step), 1f - Beta1, 1f - Beta2, Epsilon);
        Span<float> m = moments!.Span.Slice(offset, parameters.Length);
        Span<float> v = velocities!.Span.Slice(offset, parameters.Length);
        ThrowHelper.ThrowIfTooShort(gradients, parameters.Length, nameof(gradients));
        fixed (float* pp = parameters, pg = gradients, pm = m, pv = v)
        {
            AdamKernel.Update(pp, pg, pm, pv, parameters.Length, constants);
        }
    }

    /// <summary>
    /// α for this step, computed once per step rather than once per weight: the two powers cost
    /// more than a small model's whole update.
    /// </summary>
    private float StepSize(long step)
    {
        if (step != alphaStep || LearningRate != alphaRate)
        {
            alpha = (float)(LearningRate * Math.Sqrt(1 - Math.Pow(Beta2, step)) / (1 - Math.Pow(Beta1, step)));
            alphaStep = step;
            alphaRate = LearningRate;
        }

        return alpha;
    }
}

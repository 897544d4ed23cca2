using System;
using System.Runtime.Intrinsics;
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
    protected override void Update(Span<float> parameters, ReadOnlySpan<float> gradients, int offset, long step)
    {
        float alpha = StepSize(step);
        Span<float> m = moments!.Span.Slice(offset, parameters.Length);
        Span<float> v = velocities!.Span.Slice(offset, parameters.Length);
        float oneMinusB1 = 1f - Beta1, oneMinusB2 = 1f - Beta2, eps = Epsilon;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var c1 = Vector512.Create(oneMinusB1);
            var c2 = Vector512.Create(oneMinusB2);
            var a = Vector512.Create(alpha);
            var e = Vector512.Create(eps);
            for (; i <= parameters.Length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var g = Vector512.Create(gradients.Slice(i));
                var mi = Vector512.Create(m.Slice(i));
                var vi = Vector512.Create(v.Slice(i));
                mi += (g - mi) * c1;
                vi += ((g * g) - vi) * c2;
                var w = Vector512.Create(parameters.Slice(i)) - (a * mi / (Vector512.Sqrt(vi) + e));
                mi.CopyTo(m.Slice(i));
                vi.CopyTo(v.Slice(i));
                w.CopyTo(parameters.Slice(i));
            }
        }

        for (; i < parameters.Length; i++)
        {
            float g = gradients[i];
            m[i] += (g - m[i]) * oneMinusB1;
            v[i] += ((g * g) - v[i]) * oneMinusB2;
            parameters[i] -= alpha * m[i] / (MathF.Sqrt(v[i]) + eps);
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

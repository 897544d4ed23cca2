using System;
using System.Runtime.CompilerServices;
using StaticKeras.Kernels;
using StaticKeras.Tensors;

namespace StaticKeras;

/// <summary>
/// Keras's <c>Adam</c> (<c>keras/src/optimizers/adam.py</c>): <c>α = lr·√(1−β₂ᵗ)/(1−β₁ᵗ)</c>;
/// <c>m += (g−m)(1−β₁)</c>; <c>v += (g²−v)(1−β₂)</c>; <c>w −= α·m/(√v + ε)</c>. With
/// <see cref="Amsgrad"/>, <c>v̂ = max(v̂, v)</c> replaces <c>v</c> in the step.
/// </summary>
public class Adam : Optimizer
{
    private AlignedBuffer? moments;
    private AlignedBuffer? velocities;
    private AlignedBuffer? velocityHats;
    private float alpha;

    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    /// <param name="learningRate">A number or a schedule (default 0.001).</param>
    /// <param name="beta1">β₁, the decay of the first moment.</param>
    /// <param name="beta2">β₂, the decay of the second moment.</param>
    /// <param name="epsilon">ε, added to √v.</param>
    /// <param name="amsgrad">Use the maximum of past second moments (AMSGrad).</param>
    /// <param name="weightDecay">Decoupled weight decay; none when null.</param>
    /// <param name="clipNorm">Per-weight gradient norm clip.</param>
    /// <param name="clipValue">Gradient value clip.</param>
    /// <param name="globalClipNorm">Global gradient norm clip.</param>
    public Adam(LearningRateSchedule? learningRate = null, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-7f, bool amsgrad = false, float? weightDecay = null, float? clipNorm = null, float? clipValue = null, float? globalClipNorm = null)
        : base(learningRate ?? 0.001f, weightDecay, clipNorm, clipValue, globalClipNorm)
    {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), $"beta1 and beta2 must be in [0, 1); got beta1={beta1}, beta2={beta2}.");
        }

        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        Amsgrad = amsgrad;
    }

    /// <summary>β₁, the decay of the first moment.</summary>
    public float Beta1 { get; }

    /// <summary>β₂, the decay of the second moment.</summary>
    public float Beta2 { get; }

    /// <summary>ε, added to √v.</summary>
    public float Epsilon { get; }

    /// <summary>Whether the step uses the maximum of past second moments (Keras's <c>amsgrad</c>).</summary>
    public bool Amsgrad { get; }

    /// <inheritdoc/>
    public override string Name => "adam";

    /// <inheritdoc/>
    public override int SlotsPerParameter => Amsgrad ? 3 : 2;

    /// <summary>The first moments <c>m</c> (Keras's momentums).</summary>
    public Span<float> Moments => moments is null ? Span<float>.Empty : moments.Span;

    /// <summary>The second moments <c>v</c> (Keras's velocities).</summary>
    public Span<float> Velocities => velocities is null ? Span<float>.Empty : velocities.Span;

    /// <inheritdoc/>
    protected override void CreateState(int length)
    {
        // adam.py build(): momentum and velocity interleaved per weight, then velocity_hat.
        AlignedBuffer[] slots = AddSlots("momentum", "velocity");
        (moments, velocities) = (slots[0], slots[1]);
        velocityHats = Amsgrad ? AddSlots("velocity_hat")[0] : null;
    }

    /// <summary>α for this step, computed once per step rather than once per weight: the two powers cost more than a small model's whole update.</summary>
    private protected override void BeginStep(long step) =>
        alpha = (float)(LearningRate * Math.Sqrt(1 - Math.Pow(Beta2, step)) / (1 - Math.Pow(Beta1, step)));

    /// <inheritdoc/>
    protected override unsafe void Update(Span<float> parameters, ReadOnlySpan<float> gradients, int offset, long step)
    {
        ThrowHelper.ThrowIfTooShort(gradients, parameters.Length, nameof(gradients));
        var rule = new AdamRule(alpha, 1f - Beta1, 1f - Beta2, Epsilon);
        Span<float> m = moments!.Span.Slice(offset, parameters.Length), v = velocities!.Span.Slice(offset, parameters.Length);
        Span<float> vHat = velocityHats is null ? m : velocityHats.Span.Slice(offset, parameters.Length);
        fixed (float* pp = parameters, pg = gradients, pm = m, pv = v, ph = vHat)
        {
            var buffers = new UpdateBuffers(pp, pg, pm, pv, ph);
            if (velocityHats is null)
            {
                ElementwiseUpdate.Run(rule, buffers, parameters.Length);
            }
            else
            {
                ElementwiseUpdate.Run(new AmsgradRule(rule), buffers, parameters.Length);
            }
        }
    }
}

/// <summary>Adam's update: slots m (S0) and v (S1).</summary>
internal readonly unsafe struct AdamRule(float alpha, float oneMinusBeta1, float oneMinusBeta2, float epsilon) : IUpdateRule
{
    public readonly float Alpha = alpha, OneMinusBeta1 = oneMinusBeta1, OneMinusBeta2 = oneMinusBeta2, Epsilon = epsilon;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Element(in UpdateBuffers b, int i)
    {
        float g = b.G[i];
        b.S0[i] += (g - b.S0[i]) * OneMinusBeta1;
        b.S1[i] += ((g * g) - b.S1[i]) * OneMinusBeta2;
        b.P[i] -= Alpha * b.S0[i] / (MathF.Sqrt(b.S1[i]) + Epsilon);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Vectors<TOps, TMath, TVector>(in UpdateBuffers b, int i, int end)
        where TOps : struct, IVectorOps<TVector>
        where TMath : struct, IVectorMath<TVector>
        where TVector : struct
    {
        TVector c1 = TOps.Broadcast(OneMinusBeta1), c2 = TOps.Broadcast(OneMinusBeta2);
        TVector a = TOps.Broadcast(Alpha), e = TOps.Broadcast(Epsilon);
        for (; i <= end - TOps.Lanes; i += TOps.Lanes)
        {
            TVector g = TOps.Load(b.G + i), m = TOps.Load(b.S0 + i), v = TOps.Load(b.S1 + i);
            m = TOps.Add(m, TOps.Multiply(TOps.Subtract(g, m), c1)); // m += (g − m)(1 − β₁)
            v = TOps.Add(v, TOps.Multiply(TOps.Subtract(TOps.Multiply(g, g), v), c2)); // v += (g² − v)(1 − β₂)
            TVector step = TOps.Divide(TOps.Multiply(a, m), TOps.Add(TOps.Sqrt(v), e)); // α·m / (√v + ε)
            TOps.Store(TOps.Subtract(TOps.Load(b.P + i), step), b.P + i);
            TOps.Store(m, b.S0 + i);
            TOps.Store(v, b.S1 + i);
        }

        return i;
    }
}

/// <summary>AMSGrad: Adam with <c>v̂ = max(v̂, v)</c> (S2) in the step.</summary>
internal readonly unsafe struct AmsgradRule(AdamRule adam) : IUpdateRule
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Element(in UpdateBuffers b, int i)
    {
        float g = b.G[i];
        b.S0[i] += (g - b.S0[i]) * adam.OneMinusBeta1;
        b.S1[i] += ((g * g) - b.S1[i]) * adam.OneMinusBeta2;
        b.S2[i] = MathF.Max(b.S2[i], b.S1[i]);
        b.P[i] -= adam.Alpha * b.S0[i] / (MathF.Sqrt(b.S2[i]) + adam.Epsilon);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Vectors<TOps, TMath, TVector>(in UpdateBuffers b, int i, int end)
        where TOps : struct, IVectorOps<TVector>
        where TMath : struct, IVectorMath<TVector>
        where TVector : struct
    {
        TVector c1 = TOps.Broadcast(adam.OneMinusBeta1), c2 = TOps.Broadcast(adam.OneMinusBeta2);
        TVector a = TOps.Broadcast(adam.Alpha), e = TOps.Broadcast(adam.Epsilon);
        for (; i <= end - TOps.Lanes; i += TOps.Lanes)
        {
            TVector g = TOps.Load(b.G + i), m = TOps.Load(b.S0 + i), v = TOps.Load(b.S1 + i);
            m = TOps.Add(m, TOps.Multiply(TOps.Subtract(g, m), c1));
            v = TOps.Add(v, TOps.Multiply(TOps.Subtract(TOps.Multiply(g, g), v), c2));
            TVector vHat = TMath.Max(TOps.Load(b.S2 + i), v);
            TVector step = TOps.Divide(TOps.Multiply(a, m), TOps.Add(TOps.Sqrt(vHat), e));
            TOps.Store(TOps.Subtract(TOps.Load(b.P + i), step), b.P + i);
            TOps.Store(m, b.S0 + i);
            TOps.Store(v, b.S1 + i);
            TOps.Store(vHat, b.S2 + i);
        }

        return i;
    }
}

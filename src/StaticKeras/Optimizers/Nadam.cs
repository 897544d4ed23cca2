using System;
using System.Runtime.CompilerServices;
using StaticKeras.Kernels;
using StaticKeras.Tensors;

namespace StaticKeras;

/// <summary>
/// Keras's <c>Nadam</c> (<c>keras/src/optimizers/nadam.py</c>), Adam with Nesterov momentum and
/// the momentum schedule <c>uₜ = β₁(1 − ½·0.96ᵗ)</c>: with <c>Πₜ = u₁⋯uₜ</c>,
/// <c>m̂ = uₜ₊₁m/(1 − Πₜuₜ₊₁) + (1 − uₜ)g/(1 − Πₜ)</c>, <c>v̂ = v/(1 − β₂ᵗ)</c>, <c>w −= lr·m̂/(√v̂ + ε)</c>.
/// </summary>
public sealed class Nadam : Optimizer
{
    private AlignedBuffer? moments;
    private AlignedBuffer? velocities;
    private int productIndex;
    private NadamRule constants;

    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    /// <param name="learningRate">A number or a schedule (default 0.001).</param>
    /// <param name="beta1">β₁, the decay of the first moment.</param>
    /// <param name="beta2">β₂, the decay of the second moment.</param>
    /// <param name="epsilon">ε, added to √v̂.</param>
    /// <param name="weightDecay">Decoupled weight decay; none when null.</param>
    /// <param name="clipNorm">Per-weight gradient norm clip.</param>
    /// <param name="clipValue">Gradient value clip.</param>
    /// <param name="globalClipNorm">Global gradient norm clip.</param>
    public Nadam(LearningRateSchedule? learningRate = null, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-7f, float? weightDecay = null, float? clipNorm = null, float? clipValue = null, float? globalClipNorm = null)
        : base(learningRate ?? 0.001f, weightDecay, clipNorm, clipValue, globalClipNorm)
    {
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>β₁, the decay of the first moment.</summary>
    public float Beta1 { get; }

    /// <summary>β₂, the decay of the second moment.</summary>
    public float Beta2 { get; }

    /// <summary>ε, added to √v̂.</summary>
    public float Epsilon { get; }

    /// <inheritdoc/>
    public override string Name => "nadam";

    /// <inheritdoc/>
    public override int SlotsPerParameter => 2;

    /// <inheritdoc/>
    protected override void CreateState(int length)
    {
        AlignedBuffer[] slots = AddSlots("momentum", "velocity");
        (moments, velocities) = (slots[0], slots[1]);

        // nadam.py build() creates _u_product = 1.0 after the slots.
        productIndex = AddScalar("u_product", 1f);
    }

    /// <summary>Keras's <c>_backend_update_step</c>: Πₜ = Πₜ₋₁·uₜ once per step, then the step's constants.</summary>
    private protected override void BeginStep(long step)
    {
        float uT = Momentum(step), uNext = Momentum(step + 1);
        float product = Scalars[productIndex] * uT;
        Scalars[productIndex] = product;
        float beta2Power = (float)Math.Pow(Beta2, step);
        constants = new NadamRule(LearningRate, 1 - Beta1, 1 - Beta2, Epsilon, uNext, 1 - (product * uNext), 1 - uT, 1 - product, 1 - beta2Power);
    }

    /// <inheritdoc/>
    protected override unsafe void Update(Span<float> parameters, ReadOnlySpan<float> gradients, int offset, long step)
    {
        int n = parameters.Length;
        fixed (float* pp = parameters, pg = gradients, pm = moments!.Span.Slice(offset, n), pv = velocities!.Span.Slice(offset, n))
        {
            ElementwiseUpdate.Run(constants.WithRate(LearningRate), new UpdateBuffers(pp, pg, pm, pv), n);
        }
    }

    private float Momentum(long step) => (float)(Beta1 * (1.0 - (0.5 * Math.Pow(0.96, step))));
}

/// <summary>
/// Nadam's update: slots m (S0) and v (S1). The constants are uₜ₊₁, 1 − Πₜuₜ₊₁, 1 − uₜ, 1 − Πₜ and
/// 1 − β₂ᵗ, divided as Keras divides (no reciprocals), so the result follows its formula's rounding.
/// </summary>
internal readonly unsafe struct NadamRule(float learningRate, float oneMinusBeta1, float oneMinusBeta2, float epsilon, float uNext, float nextDenominator, float oneMinusU, float denominator, float beta2Correction) : IUpdateRule
{
    public NadamRule WithRate(float rate) => new(rate, oneMinusBeta1, oneMinusBeta2, epsilon, uNext, nextDenominator, oneMinusU, denominator, beta2Correction);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Element(in UpdateBuffers b, int i)
    {
        float g = b.G[i];
        float m = b.S0[i] + ((g - b.S0[i]) * oneMinusBeta1);
        float v = b.S1[i] + (((g * g) - b.S1[i]) * oneMinusBeta2);
        b.S0[i] = m;
        b.S1[i] = v;
        float mHat = (uNext * m / nextDenominator) + (oneMinusU * g / denominator);
        b.P[i] -= mHat * learningRate / (MathF.Sqrt(v / beta2Correction) + epsilon);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Vectors<TOps, TMath, TVector>(in UpdateBuffers b, int i, int end)
        where TOps : struct, IVectorOps<TVector>
        where TMath : struct, IVectorMath<TVector>
        where TVector : struct
    {
        TVector c1 = TOps.Broadcast(oneMinusBeta1), c2 = TOps.Broadcast(oneMinusBeta2), e = TOps.Broadcast(epsilon);
        TVector un = TOps.Broadcast(uNext), dn = TOps.Broadcast(nextDenominator), u1 = TOps.Broadcast(oneMinusU);
        TVector d = TOps.Broadcast(denominator), bc = TOps.Broadcast(beta2Correction), lr = TOps.Broadcast(learningRate);
        for (; i <= end - TOps.Lanes; i += TOps.Lanes)
        {
            TVector g = TOps.Load(b.G + i), m = TOps.Load(b.S0 + i), v = TOps.Load(b.S1 + i);
            m = TOps.Add(m, TOps.Multiply(TOps.Subtract(g, m), c1));
            v = TOps.Add(v, TOps.Multiply(TOps.Subtract(TOps.Multiply(g, g), v), c2));
            TOps.Store(m, b.S0 + i);
            TOps.Store(v, b.S1 + i);
            TVector mHat = TOps.Add(TOps.Divide(TOps.Multiply(un, m), dn), TOps.Divide(TOps.Multiply(u1, g), d));
            TVector step = TOps.Divide(TOps.Multiply(mHat, lr), TOps.Add(TOps.Sqrt(TOps.Divide(v, bc)), e));
            TOps.Store(TOps.Subtract(TOps.Load(b.P + i), step), b.P + i);
        }

        return i;
    }
}

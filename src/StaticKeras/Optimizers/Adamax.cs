using System;
using System.Runtime.CompilerServices;
using StaticKeras.Kernels;
using StaticKeras.Tensors;

namespace StaticKeras;

/// <summary>
/// Keras's <c>Adamax</c> (<c>keras/src/optimizers/adamax.py</c>), Adam with the infinity norm:
/// <c>m += (g − m)(1 − β₁)</c>; <c>u = max(β₂·u, |g|)</c>; <c>w −= lr·m / ((1 − β₁ᵗ)(u + ε))</c>.
/// </summary>
public sealed class Adamax : Optimizer
{
    private AlignedBuffer? moments;
    private AlignedBuffer? norms;
    private float correction;

    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    /// <param name="learningRate">A number or a schedule (default 0.001).</param>
    /// <param name="beta1">β₁, the decay of the first moment.</param>
    /// <param name="beta2">β₂, the decay of the infinity norm.</param>
    /// <param name="epsilon">ε, added to the norm.</param>
    /// <param name="weightDecay">Decoupled weight decay; none when null.</param>
    /// <param name="clipNorm">Per-weight gradient norm clip.</param>
    /// <param name="clipValue">Gradient value clip.</param>
    /// <param name="globalClipNorm">Global gradient norm clip.</param>
    public Adamax(LearningRateSchedule? learningRate = null, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-7f, float? weightDecay = null, float? clipNorm = null, float? clipValue = null, float? globalClipNorm = null)
        : base(learningRate ?? 0.001f, weightDecay, clipNorm, clipValue, globalClipNorm)
    {
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>β₁, the decay of the first moment.</summary>
    public float Beta1 { get; }

    /// <summary>β₂, the decay of the infinity norm.</summary>
    public float Beta2 { get; }

    /// <summary>ε, added to the norm.</summary>
    public float Epsilon { get; }

    /// <inheritdoc/>
    public override string Name => "adamax";

    /// <inheritdoc/>
    public override int SlotsPerParameter => 2;

    /// <inheritdoc/>
    protected override void CreateState(int length)
    {
        AlignedBuffer[] slots = AddSlots("momentum", "norm");
        (moments, norms) = (slots[0], slots[1]);
    }

    /// <inheritdoc/>
    private protected override void BeginStep(long step) => correction = (float)(1 - Math.Pow(Beta1, step));

    /// <inheritdoc/>
    protected override unsafe void Update(Span<float> parameters, ReadOnlySpan<float> gradients, int offset, long step)
    {
        int n = parameters.Length;
        var rule = new AdamaxRule(LearningRate, 1 - Beta1, Beta2, Epsilon, correction);
        fixed (float* pp = parameters, pg = gradients, pm = moments!.Span.Slice(offset, n), pu = norms!.Span.Slice(offset, n))
        {
            ElementwiseUpdate.Run(rule, new UpdateBuffers(pp, pg, pm, pu), n);
        }
    }
}

/// <summary>Adamax's update: slots m (S0) and u (S1); <c>correction</c> is 1 − β₁ᵗ.</summary>
internal readonly unsafe struct AdamaxRule(float learningRate, float oneMinusBeta1, float beta2, float epsilon, float correction) : IUpdateRule
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Element(in UpdateBuffers b, int i)
    {
        float g = b.G[i];
        float m = b.S0[i] + ((g - b.S0[i]) * oneMinusBeta1);
        float u = MathF.Max(beta2 * b.S1[i], MathF.Abs(g));
        b.S0[i] = m;
        b.S1[i] = u;
        b.P[i] -= learningRate * m / (correction * (u + epsilon));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Vectors<TOps, TMath, TVector>(in UpdateBuffers b, int i, int end)
        where TOps : struct, IVectorOps<TVector>
        where TMath : struct, IVectorMath<TVector>
        where TVector : struct
    {
        TVector c1 = TOps.Broadcast(oneMinusBeta1), b2 = TOps.Broadcast(beta2), e = TOps.Broadcast(epsilon);
        TVector lr = TOps.Broadcast(learningRate), c = TOps.Broadcast(correction);
        for (; i <= end - TOps.Lanes; i += TOps.Lanes)
        {
            TVector g = TOps.Load(b.G + i), m = TOps.Load(b.S0 + i);
            m = TOps.Add(m, TOps.Multiply(TOps.Subtract(g, m), c1));
            TVector u = TMath.Max(TOps.Multiply(b2, TOps.Load(b.S1 + i)), TMath.Abs(g));
            TOps.Store(m, b.S0 + i);
            TOps.Store(u, b.S1 + i);
            TVector step = TOps.Divide(TOps.Multiply(lr, m), TOps.Multiply(c, TOps.Add(u, e)));
            TOps.Store(TOps.Subtract(TOps.Load(b.P + i), step), b.P + i);
        }

        return i;
    }
}

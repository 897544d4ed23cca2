using System;
using System.Runtime.CompilerServices;
using StaticKeras.Kernels;
using StaticKeras.Tensors;

namespace StaticKeras;

/// <summary>
/// Keras's <c>Lion</c> (<c>keras/src/optimizers/lion.py</c>): <c>w −= lr·sign(β₁m + (1−β₁)g)</c>, then
/// <c>m = β₂m + (1−β₂)g</c>.
/// </summary>
public sealed class Lion : Optimizer
{
    private AlignedBuffer? moments;

    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    /// <param name="learningRate">A number or a schedule (default 0.001).</param>
    /// <param name="beta1">β₁ in (0, 1], the mix of momentum and gradient in the step's sign.</param>
    /// <param name="beta2">β₂, the decay of the momentum.</param>
    /// <param name="weightDecay">Decoupled weight decay; none when null.</param>
    /// <param name="clipNorm">Per-weight gradient norm clip.</param>
    /// <param name="clipValue">Gradient value clip.</param>
    /// <param name="globalClipNorm">Global gradient norm clip.</param>
    public Lion(LearningRateSchedule? learningRate = null, float beta1 = 0.9f, float beta2 = 0.99f, float? weightDecay = null, float? clipNorm = null, float? clipValue = null, float? globalClipNorm = null)
        : base(learningRate ?? 0.001f, weightDecay, clipNorm, clipValue, globalClipNorm)
    {
        if (!(beta1 > 0 && beta1 <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "Lion's beta1 must be in (0, 1], as in Keras; otherwise the optimizer degenerates to SignSGD.");
        }

        Beta1 = beta1;
        Beta2 = beta2;
    }

    /// <summary>β₁, the mix of momentum and gradient in the step's sign.</summary>
    public float Beta1 { get; }

    /// <summary>β₂, the decay of the momentum.</summary>
    public float Beta2 { get; }

    /// <inheritdoc/>
    public override string Name => "lion";

    /// <inheritdoc/>
    public override int SlotsPerParameter => 1;

    /// <inheritdoc/>
    protected override void CreateState(int length) => moments = AddSlots("momentum")[0];

    /// <inheritdoc/>
    protected override unsafe void Update(Span<float> parameters, ReadOnlySpan<float> gradients, int offset, long step)
    {
        fixed (float* pp = parameters, pg = gradients, pm = moments!.Span.Slice(offset, parameters.Length))
        {
            ElementwiseUpdate.Run(new LionRule(LearningRate, Beta1, Beta2), new UpdateBuffers(pp, pg, pm), parameters.Length);
        }
    }
}

/// <summary>Lion's update: slot m (S0).</summary>
internal readonly unsafe struct LionRule(float learningRate, float beta1, float beta2) : IUpdateRule
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Element(in UpdateBuffers b, int i)
    {
        float g = b.G[i], m = b.S0[i];
        float mix = (m * beta1) + (g * (1 - beta1));
        b.P[i] -= learningRate * (mix > 0 ? 1f : mix < 0 ? -1f : 0f);
        b.S0[i] = (m * beta2) + (g * (1 - beta2));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Vectors<TOps, TMath, TVector>(in UpdateBuffers b, int i, int end)
        where TOps : struct, IVectorOps<TVector>
        where TMath : struct, IVectorMath<TVector>
        where TVector : struct
    {
        TVector b1 = TOps.Broadcast(beta1), c1 = TOps.Broadcast(1 - beta1), lr = TOps.Broadcast(learningRate);
        TVector b2 = TOps.Broadcast(beta2), c2 = TOps.Broadcast(1 - beta2);
        for (; i <= end - TOps.Lanes; i += TOps.Lanes)
        {
            TVector g = TOps.Load(b.G + i), m = TOps.Load(b.S0 + i);
            TVector mix = TOps.Add(TOps.Multiply(m, b1), TOps.Multiply(g, c1));
            TOps.Store(TOps.Subtract(TOps.Load(b.P + i), TOps.Multiply(lr, TMath.Sign(mix))), b.P + i);
            TOps.Store(TOps.Add(TOps.Multiply(m, b2), TOps.Multiply(g, c2)), b.S0 + i);
        }

        return i;
    }
}

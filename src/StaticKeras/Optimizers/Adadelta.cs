using System;
using System.Runtime.CompilerServices;
using StaticKeras.Kernels;
using StaticKeras.Tensors;

namespace StaticKeras;

/// <summary>
/// Keras's <c>Adadelta</c> (<c>keras/src/optimizers/adadelta.py</c>): <c>E[g²] = ρE[g²] + (1−ρ)g²</c>;
/// <c>Δ = −√(E[Δ²] + ε)·g / √(E[g²] + ε)</c>; <c>E[Δ²] = ρE[Δ²] + (1−ρ)Δ²</c>; <c>w += lr·Δ</c>.
/// </summary>
public sealed class Adadelta : Optimizer
{
    private AlignedBuffer? accumulatedGradients;
    private AlignedBuffer? accumulatedDeltas;

    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    /// <param name="learningRate">A number or a schedule (default 0.001).</param>
    /// <param name="rho">ρ, the decay of both running averages.</param>
    /// <param name="epsilon">ε, added under the square roots.</param>
    /// <param name="weightDecay">Decoupled weight decay; none when null.</param>
    /// <param name="clipNorm">Per-weight gradient norm clip.</param>
    /// <param name="clipValue">Gradient value clip.</param>
    /// <param name="globalClipNorm">Global gradient norm clip.</param>
    public Adadelta(LearningRateSchedule? learningRate = null, float rho = 0.95f, float epsilon = 1e-7f, float? weightDecay = null, float? clipNorm = null, float? clipValue = null, float? globalClipNorm = null)
        : base(learningRate ?? 0.001f, weightDecay, clipNorm, clipValue, globalClipNorm)
    {
        Rho = rho;
        Epsilon = epsilon;
    }

    /// <summary>ρ, the decay of both running averages.</summary>
    public float Rho { get; }

    /// <summary>ε, added under the square roots.</summary>
    public float Epsilon { get; }

    /// <inheritdoc/>
    public override string Name => "adadelta";

    /// <inheritdoc/>
    public override int SlotsPerParameter => 2;

    /// <inheritdoc/>
    protected override void CreateState(int length)
    {
        AlignedBuffer[] slots = AddSlots("accumulated_grad", "accumulated_delta_var");
        (accumulatedGradients, accumulatedDeltas) = (slots[0], slots[1]);
    }

    /// <inheritdoc/>
    protected override unsafe void Update(Span<float> parameters, ReadOnlySpan<float> gradients, int offset, long step)
    {
        int n = parameters.Length;
        fixed (float* pp = parameters, pg = gradients, ag = accumulatedGradients!.Span.Slice(offset, n), ad = accumulatedDeltas!.Span.Slice(offset, n))
        {
            ElementwiseUpdate.Run(new AdadeltaRule(LearningRate, Rho, Epsilon), new UpdateBuffers(pp, pg, ag, ad), n);
        }
    }
}

/// <summary>Adadelta's update: slots E[g²] (S0) and E[Δ²] (S1).</summary>
internal readonly unsafe struct AdadeltaRule(float learningRate, float rho, float epsilon) : IUpdateRule
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Element(in UpdateBuffers b, int i)
    {
        float g = b.G[i];
        float ag = (rho * b.S0[i]) + ((1 - rho) * (g * g));
        b.S0[i] = ag;
        // 0 − x rather than −x, as the vector path (the two differ only in the sign of a zero).
        float delta = 0f - (MathF.Sqrt(b.S1[i] + epsilon) * g / MathF.Sqrt(ag + epsilon));
        b.S1[i] = (rho * b.S1[i]) + ((1 - rho) * (delta * delta));
        b.P[i] += learningRate * delta;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Vectors<TOps, TMath, TVector>(in UpdateBuffers b, int i, int end)
        where TOps : struct, IVectorOps<TVector>
        where TMath : struct, IVectorMath<TVector>
        where TVector : struct
    {
        TVector r = TOps.Broadcast(rho), r1 = TOps.Broadcast(1 - rho), e = TOps.Broadcast(epsilon);
        TVector lr = TOps.Broadcast(learningRate), zero = TOps.Broadcast(0f);
        for (; i <= end - TOps.Lanes; i += TOps.Lanes)
        {
            TVector g = TOps.Load(b.G + i), ad = TOps.Load(b.S1 + i);
            TVector ag = TOps.Add(TOps.Multiply(r, TOps.Load(b.S0 + i)), TOps.Multiply(r1, TOps.Multiply(g, g)));
            TOps.Store(ag, b.S0 + i);
            TVector delta = TOps.Subtract(zero, TOps.Divide(TOps.Multiply(TOps.Sqrt(TOps.Add(ad, e)), g), TOps.Sqrt(TOps.Add(ag, e))));
            TOps.Store(TOps.Add(TOps.Multiply(r, ad), TOps.Multiply(r1, TOps.Multiply(delta, delta))), b.S1 + i);
            TOps.Store(TOps.Add(TOps.Load(b.P + i), TOps.Multiply(lr, delta)), b.P + i);
        }

        return i;
    }
}

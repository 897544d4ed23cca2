using System;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using StaticKeras.Kernels;
using StaticKeras.Tensors;

namespace StaticKeras;

/// <summary>
/// Keras's <c>SGD</c> (<c>keras/src/optimizers/sgd.py</c>): with momentum μ, <c>m = μm − lr·g; w += m</c>
/// (Nesterov: <c>w += μm − lr·g</c>); without, <c>w −= lr·g</c>.
/// </summary>
public sealed class SGD : Optimizer
{
    private AlignedBuffer? velocity;

    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    /// <param name="learningRate">A number or a schedule (default 0.01).</param>
    /// <param name="momentum">μ in [0, 1].</param>
    /// <param name="nesterov">Use Nesterov momentum.</param>
    /// <param name="weightDecay">Decoupled weight decay; none when null.</param>
    /// <param name="clipNorm">Per-weight gradient norm clip.</param>
    /// <param name="clipValue">Gradient value clip.</param>
    /// <param name="globalClipNorm">Global gradient norm clip.</param>
    public SGD(LearningRateSchedule? learningRate = null, float momentum = 0f, bool nesterov = false, float? weightDecay = null, float? clipNorm = null, float? clipValue = null, float? globalClipNorm = null)
        : base(learningRate ?? 0.01f, weightDecay, clipNorm, clipValue, globalClipNorm)
    {
        if (!(momentum >= 0 && momentum <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "momentum must be in [0, 1], as in Keras.");
        }

        Momentum = momentum;
        Nesterov = nesterov;
    }

    /// <summary>The momentum μ.</summary>
    public float Momentum { get; }

    /// <summary>Whether to use Nesterov momentum.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc/>
    public override string Name => "sgd";

    /// <inheritdoc/>
    public override int SlotsPerParameter => Momentum != 0 ? 1 : 0;

    /// <summary>The velocity <c>m</c> of every parameter (Keras's momentum variable); empty without momentum.</summary>
    public Span<float> Velocity => velocity is null ? Span<float>.Empty : velocity.Span;

    /// <inheritdoc/>
    protected override void CreateState(int length) => velocity = Momentum != 0 ? AddSlots("momentum")[0] : null;

    /// <inheritdoc/>
    protected override unsafe void Update(Span<float> parameters, ReadOnlySpan<float> gradients, int offset, long step)
    {
        float lr = LearningRate;
        if (velocity is null)
        {
            TensorPrimitives.MultiplyAdd(gradients, -lr, parameters, parameters);
            return;
        }

        fixed (float* pp = parameters, pg = gradients, pm = velocity.Span.Slice(offset, parameters.Length))
        {
            ElementwiseUpdate.Run(new SgdMomentumRule(Momentum, lr, Nesterov), new UpdateBuffers(pp, pg, pm), parameters.Length);
        }
    }
}

/// <summary>SGD with momentum: slot m (S0).</summary>
internal readonly unsafe struct SgdMomentumRule(float momentum, float learningRate, bool nesterov) : IUpdateRule
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Element(in UpdateBuffers b, int i)
    {
        float g = b.G[i];
        float m = (momentum * b.S0[i]) - (learningRate * g);
        b.S0[i] = m;
        b.P[i] += nesterov ? (momentum * m) - (learningRate * g) : m;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Vectors<TOps, TMath, TVector>(in UpdateBuffers b, int i, int end)
        where TOps : struct, IVectorOps<TVector>
        where TMath : struct, IVectorMath<TVector>
        where TVector : struct
    {
        TVector mu = TOps.Broadcast(momentum), lr = TOps.Broadcast(learningRate);
        for (; i <= end - TOps.Lanes; i += TOps.Lanes)
        {
            TVector g = TOps.Load(b.G + i);
            TVector m = TOps.Subtract(TOps.Multiply(mu, TOps.Load(b.S0 + i)), TOps.Multiply(lr, g));
            TOps.Store(m, b.S0 + i);
            TVector delta = nesterov ? TOps.Subtract(TOps.Multiply(mu, m), TOps.Multiply(lr, g)) : m;
            TOps.Store(TOps.Add(TOps.Load(b.P + i), delta), b.P + i);
        }

        return i;
    }
}

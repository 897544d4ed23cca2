using System;
using System.Runtime.CompilerServices;
using StaticKeras.Kernels;
using StaticKeras.Tensors;

namespace StaticKeras;

/// <summary>
/// Keras's <c>RMSprop</c> (<c>keras/src/optimizers/rmsprop.py</c>): <c>v = ρv + (1−ρ)g²</c>; without
/// momentum <c>w −= lr·g/√(v+ε)</c>; with momentum μ, <c>m = μm + lr·g/√(v+ε)</c>, <c>w −= m</c>;
/// centered subtracts the mean gradient's square.
/// </summary>
public sealed class RMSprop : Optimizer
{
    private AlignedBuffer? velocities;
    private AlignedBuffer? momentums;
    private AlignedBuffer? averageGradients;

    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    /// <param name="learningRate">A number or a schedule (default 0.001).</param>
    /// <param name="rho">ρ, the decay of the squared-gradient average.</param>
    /// <param name="momentum">μ; 0 for none.</param>
    /// <param name="epsilon">ε, added under the square root.</param>
    /// <param name="centered">Normalise by the gradient's estimated variance.</param>
    /// <param name="weightDecay">Decoupled weight decay; none when null.</param>
    /// <param name="clipNorm">Per-weight gradient norm clip.</param>
    /// <param name="clipValue">Gradient value clip.</param>
    /// <param name="globalClipNorm">Global gradient norm clip.</param>
    public RMSprop(LearningRateSchedule? learningRate = null, float rho = 0.9f, float momentum = 0f, float epsilon = 1e-7f, bool centered = false, float? weightDecay = null, float? clipNorm = null, float? clipValue = null, float? globalClipNorm = null)
        : base(learningRate ?? 0.001f, weightDecay, clipNorm, clipValue, globalClipNorm)
    {
        Rho = rho;
        Momentum = momentum;
        Epsilon = epsilon;
        Centered = centered;
    }

    /// <summary>ρ, the decay of the squared-gradient average.</summary>
    public float Rho { get; }

    /// <summary>Momentum μ; 0 for none.</summary>
    public float Momentum { get; }

    /// <summary>ε, added under the square root.</summary>
    public float Epsilon { get; }

    /// <summary>Whether to normalise by the gradient's estimated variance instead of its second moment.</summary>
    public bool Centered { get; }

    /// <inheritdoc/>
    public override string Name => "rmsprop";

    /// <inheritdoc/>
    public override int SlotsPerParameter => 1 + (Momentum > 0 ? 1 : 0) + (Centered ? 1 : 0);

    /// <summary>The running averages of squared gradients <c>v</c>.</summary>
    public Span<float> Velocities => velocities is null ? Span<float>.Empty : velocities.Span;

    /// <inheritdoc/>
    protected override void CreateState(int length)
    {
        // rmsprop.py build(): velocity, then momentum (if momentum > 0), then average_gradient (if centered).
        velocities = AddSlots("velocity")[0];
        momentums = Momentum > 0 ? AddSlots("momentum")[0] : null;
        averageGradients = Centered ? AddSlots("average_gradient")[0] : null;
    }

    /// <inheritdoc/>
    protected override unsafe void Update(Span<float> parameters, ReadOnlySpan<float> gradients, int offset, long step)
    {
        int n = parameters.Length;
        Span<float> v = velocities!.Span.Slice(offset, n);
        Span<float> m = momentums is null ? v : momentums.Span.Slice(offset, n);
        Span<float> a = averageGradients is null ? v : averageGradients.Span.Slice(offset, n);
        var rule = new RmspropRule(LearningRate, Rho, Momentum, Epsilon, momentums is not null, Centered);
        fixed (float* pp = parameters, pg = gradients, pv = v, pm = m, pa = a)
        {
            ElementwiseUpdate.Run(rule, new UpdateBuffers(pp, pg, pv, pm, pa), n);
        }
    }
}

/// <summary>RMSprop's update: slots v (S0), momentum (S1, when used) and the average gradient (S2, when centered).</summary>
internal readonly unsafe struct RmspropRule(float learningRate, float rho, float momentum, float epsilon, bool useMomentum, bool centered) : IUpdateRule
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Element(in UpdateBuffers b, int i)
    {
        float g = b.G[i];
        float v = (rho * b.S0[i]) + ((1 - rho) * (g * g));
        b.S0[i] = v;
        float denominator = v;
        if (centered)
        {
            float a = (rho * b.S2[i]) + ((1 - rho) * g);
            b.S2[i] = a;
            denominator -= a * a;
        }

        float increment = learningRate * g / MathF.Sqrt(denominator + epsilon);
        if (useMomentum)
        {
            increment = (momentum * b.S1[i]) + increment;
            b.S1[i] = increment;
        }

        b.P[i] -= increment;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Vectors<TOps, TMath, TVector>(in UpdateBuffers b, int i, int end)
        where TOps : struct, IVectorOps<TVector>
        where TMath : struct, IVectorMath<TVector>
        where TVector : struct
    {
        TVector r = TOps.Broadcast(rho), r1 = TOps.Broadcast(1 - rho), lr = TOps.Broadcast(learningRate);
        TVector mu = TOps.Broadcast(momentum), e = TOps.Broadcast(epsilon);
        for (; i <= end - TOps.Lanes; i += TOps.Lanes)
        {
            TVector g = TOps.Load(b.G + i);
            TVector v = TOps.Add(TOps.Multiply(r, TOps.Load(b.S0 + i)), TOps.Multiply(r1, TOps.Multiply(g, g)));
            TOps.Store(v, b.S0 + i);
            TVector denominator = v;
            if (centered)
            {
                TVector a = TOps.Add(TOps.Multiply(r, TOps.Load(b.S2 + i)), TOps.Multiply(r1, g));
                TOps.Store(a, b.S2 + i);
                denominator = TOps.Subtract(denominator, TOps.Multiply(a, a));
            }

            TVector increment = TOps.Divide(TOps.Multiply(lr, g), TOps.Sqrt(TOps.Add(denominator, e)));
            if (useMomentum)
            {
                increment = TOps.Add(TOps.Multiply(mu, TOps.Load(b.S1 + i)), increment);
                TOps.Store(increment, b.S1 + i);
            }

            TOps.Store(TOps.Subtract(TOps.Load(b.P + i), increment), b.P + i);
        }

        return i;
    }
}

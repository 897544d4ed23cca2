using System;
using System.Runtime.CompilerServices;
using StaticKeras.Kernels;
using StaticKeras.Tensors;

namespace StaticKeras;

/// <summary>
/// Keras's <c>Adagrad</c> (<c>keras/src/optimizers/adagrad.py</c>): <c>a += g²</c>;
/// <c>w −= lr·g / √(a + ε)</c>, the accumulator starting at <see cref="InitialAccumulatorValue"/>.
/// </summary>
public sealed class Adagrad : Optimizer
{
    private AlignedBuffer? accumulators;

    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    /// <param name="learningRate">A number or a schedule (default 0.001).</param>
    /// <param name="initialAccumulatorValue">The accumulators' starting value.</param>
    /// <param name="epsilon">ε, added under the square root.</param>
    /// <param name="weightDecay">Decoupled weight decay; none when null.</param>
    /// <param name="clipNorm">Per-weight gradient norm clip.</param>
    /// <param name="clipValue">Gradient value clip.</param>
    /// <param name="globalClipNorm">Global gradient norm clip.</param>
    public Adagrad(LearningRateSchedule? learningRate = null, float initialAccumulatorValue = 0.1f, float epsilon = 1e-7f, float? weightDecay = null, float? clipNorm = null, float? clipValue = null, float? globalClipNorm = null)
        : base(learningRate ?? 0.001f, weightDecay, clipNorm, clipValue, globalClipNorm)
    {
        InitialAccumulatorValue = initialAccumulatorValue;
        Epsilon = epsilon;
    }

    /// <summary>The accumulators' starting value.</summary>
    public float InitialAccumulatorValue { get; }

    /// <summary>ε, added under the square root.</summary>
    public float Epsilon { get; }

    /// <inheritdoc/>
    public override string Name => "adagrad";

    /// <inheritdoc/>
    public override int SlotsPerParameter => 1;

    /// <inheritdoc/>
    protected override void CreateState(int length)
    {
        accumulators = AddSlots("accumulator")[0];
        accumulators.Span.Fill(InitialAccumulatorValue);
    }

    /// <inheritdoc/>
    protected override unsafe void Update(Span<float> parameters, ReadOnlySpan<float> gradients, int offset, long step)
    {
        fixed (float* pp = parameters, pg = gradients, pa = accumulators!.Span.Slice(offset, parameters.Length))
        {
            ElementwiseUpdate.Run(new AdagradRule(LearningRate, Epsilon), new UpdateBuffers(pp, pg, pa), parameters.Length);
        }
    }
}

/// <summary>Adagrad's update: slot a (S0).</summary>
internal readonly unsafe struct AdagradRule(float learningRate, float epsilon) : IUpdateRule
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Element(in UpdateBuffers b, int i)
    {
        float g = b.G[i];
        float a = b.S0[i] + (g * g);
        b.S0[i] = a;
        b.P[i] -= learningRate * g / MathF.Sqrt(a + epsilon);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Vectors<TOps, TMath, TVector>(in UpdateBuffers b, int i, int end)
        where TOps : struct, IVectorOps<TVector>
        where TMath : struct, IVectorMath<TVector>
        where TVector : struct
    {
        TVector lr = TOps.Broadcast(learningRate), e = TOps.Broadcast(epsilon);
        for (; i <= end - TOps.Lanes; i += TOps.Lanes)
        {
            TVector g = TOps.Load(b.G + i);
            TVector a = TOps.Add(TOps.Load(b.S0 + i), TOps.Multiply(g, g));
            TOps.Store(a, b.S0 + i);
            TVector step = TOps.Divide(TOps.Multiply(lr, g), TOps.Sqrt(TOps.Add(a, e)));
            TOps.Store(TOps.Subtract(TOps.Load(b.P + i), step), b.P + i);
        }

        return i;
    }
}

using System;
using System.Runtime.CompilerServices;
using StaticKeras.Kernels;
using StaticKeras.Tensors;

namespace StaticKeras;

/// <summary>
/// Keras's <c>Ftrl</c> (<c>keras/src/optimizers/ftrl.py</c>), follow-the-regularized-leader: with
/// <c>p = −learningRatePower</c>, <c>ĝ = g + 2·l2Shrinkage·w</c>, <c>n' = n + g²</c>,
/// <c>z += ĝ − (n'ᵖ − nᵖ)/lr·w</c>, <c>q = n'ᵖ/lr + 2(l2 + β/(2lr))</c>,
/// <c>w = (clip(z, −l1, l1) − z)/q</c>, <c>n = n'</c>.
/// </summary>
public sealed class Ftrl : Optimizer
{
    private AlignedBuffer? accumulators;
    private AlignedBuffer? linears;

    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    /// <param name="learningRate">A number or a schedule (default 0.001).</param>
    /// <param name="learningRatePower">How the rate falls as the accumulator grows; ≤ 0.</param>
    /// <param name="initialAccumulatorValue">The accumulators' starting value; ≥ 0.</param>
    /// <param name="l1RegularizationStrength">L1 strength; ≥ 0.</param>
    /// <param name="l2RegularizationStrength">L2 strength; ≥ 0.</param>
    /// <param name="l2ShrinkageRegularizationStrength">L2 shrinkage strength (on the gradient); ≥ 0.</param>
    /// <param name="beta">β, added to the L2 term as β/(2·lr).</param>
    /// <param name="weightDecay">Decoupled weight decay; none when null.</param>
    /// <param name="clipNorm">Per-weight gradient norm clip.</param>
    /// <param name="clipValue">Gradient value clip.</param>
    /// <param name="globalClipNorm">Global gradient norm clip.</param>
    public Ftrl(LearningRateSchedule? learningRate = null, float learningRatePower = -0.5f, float initialAccumulatorValue = 0.1f, float l1RegularizationStrength = 0f, float l2RegularizationStrength = 0f, float l2ShrinkageRegularizationStrength = 0f, float beta = 0f, float? weightDecay = null, float? clipNorm = null, float? clipValue = null, float? globalClipNorm = null)
        : base(learningRate ?? 0.001f, weightDecay, clipNorm, clipValue, globalClipNorm)
    {
        Require(initialAccumulatorValue >= 0, nameof(initialAccumulatorValue), initialAccumulatorValue, "positive or zero");
        Require(learningRatePower <= 0, nameof(learningRatePower), learningRatePower, "negative or zero");
        Require(l1RegularizationStrength >= 0, nameof(l1RegularizationStrength), l1RegularizationStrength, "positive or zero");
        Require(l2RegularizationStrength >= 0, nameof(l2RegularizationStrength), l2RegularizationStrength, "positive or zero");
        Require(l2ShrinkageRegularizationStrength >= 0, nameof(l2ShrinkageRegularizationStrength), l2ShrinkageRegularizationStrength, "positive or zero");
        LearningRatePower = learningRatePower;
        InitialAccumulatorValue = initialAccumulatorValue;
        L1RegularizationStrength = l1RegularizationStrength;
        L2RegularizationStrength = l2RegularizationStrength;
        L2ShrinkageRegularizationStrength = l2ShrinkageRegularizationStrength;
        Beta = beta;
    }

    /// <summary>How the rate falls as the accumulator grows.</summary>
    public float LearningRatePower { get; }

    /// <summary>The accumulators' starting value.</summary>
    public float InitialAccumulatorValue { get; }

    /// <summary>L1 strength.</summary>
    public float L1RegularizationStrength { get; }

    /// <summary>L2 strength.</summary>
    public float L2RegularizationStrength { get; }

    /// <summary>L2 shrinkage strength.</summary>
    public float L2ShrinkageRegularizationStrength { get; }

    /// <summary>β.</summary>
    public float Beta { get; }

    /// <inheritdoc/>
    public override string Name => "ftrl";

    /// <inheritdoc/>
    public override int SlotsPerParameter => 2;

    /// <inheritdoc/>
    protected override void CreateState(int length)
    {
        AlignedBuffer[] slots = AddSlots("accumulator", "linear");
        (accumulators, linears) = (slots[0], slots[1]);
        accumulators.Span.Fill(InitialAccumulatorValue);
    }

    /// <inheritdoc/>
    protected override unsafe void Update(Span<float> parameters, ReadOnlySpan<float> gradients, int offset, long step)
    {
        int n = parameters.Length;
        float lr = LearningRate;
        var rule = new FtrlRule(lr, -LearningRatePower, L1RegularizationStrength, L2RegularizationStrength + (Beta / (2f * lr)), 2 * L2ShrinkageRegularizationStrength);
        fixed (float* pp = parameters, pg = gradients, pa = accumulators!.Span.Slice(offset, n), pl = linears!.Span.Slice(offset, n))
        {
            ElementwiseUpdate.Run(rule, new UpdateBuffers(pp, pg, pa, pl), n);
        }
    }

    private static void Require(bool valid, string name, float value, string what)
    {
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Ftrl's {name} must be {what}, as in Keras.");
        }
    }
}

/// <summary>
/// Ftrl's update: slots n (S0) and z (S1). Vectorised for Keras's default power ½ (a square root);
/// other powers run element by element with <see cref="MathF.Pow"/>.
/// </summary>
internal readonly unsafe struct FtrlRule(float learningRate, float power, float l1, float l2, float twoShrinkage) : IUpdateRule
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Element(in UpdateBuffers b, int i)
    {
        float g = b.G[i], w = b.P[i], n = b.S0[i];
        float gradient = g + (twoShrinkage * w);
        float next = n + (g * g);
        float nextPower = Power(next);
        float z = b.S1[i] + (gradient - ((nextPower - Power(n)) / learningRate * w));
        float quadratic = (nextPower / learningRate) + (2 * l2);
        b.S1[i] = z;
        b.P[i] = (MathF.Min(MathF.Max(z, -l1), l1) - z) / quadratic;
        b.S0[i] = next;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Vectors<TOps, TMath, TVector>(in UpdateBuffers b, int i, int end)
        where TOps : struct, IVectorOps<TVector>
        where TMath : struct, IVectorMath<TVector>
        where TVector : struct
    {
        if (power != 0.5f)
        {
            return i;
        }

        TVector lr = TOps.Broadcast(learningRate), low = TOps.Broadcast(-l1), high = TOps.Broadcast(l1);
        TVector twoL2 = TOps.Broadcast(2 * l2), shrink = TOps.Broadcast(twoShrinkage);
        for (; i <= end - TOps.Lanes; i += TOps.Lanes)
        {
            TVector g = TOps.Load(b.G + i), w = TOps.Load(b.P + i), n = TOps.Load(b.S0 + i);
            TVector gradient = TOps.Add(g, TOps.Multiply(shrink, w));
            TVector next = TOps.Add(n, TOps.Multiply(g, g));
            TVector nextPower = TOps.Sqrt(next);
            TVector z = TOps.Add(TOps.Load(b.S1 + i), TOps.Subtract(gradient, TOps.Multiply(TOps.Divide(TOps.Subtract(nextPower, TOps.Sqrt(n)), lr), w)));
            TVector quadratic = TOps.Add(TOps.Divide(nextPower, lr), twoL2);
            TOps.Store(z, b.S1 + i);
            TOps.Store(TOps.Divide(TOps.Subtract(TMath.Min(TMath.Max(z, low), high), z), quadratic), b.P + i);
            TOps.Store(next, b.S0 + i);
        }

        return i;
    }

    private float Power(float x) => power == 0.5f ? MathF.Sqrt(x) : MathF.Pow(x, power);
}

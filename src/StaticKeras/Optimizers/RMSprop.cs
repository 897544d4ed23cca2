using System;
using StaticKeras.Tensors;

namespace StaticKeras;

/// <summary>
/// Keras's <c>RMSprop</c>: <c>v = ρv + (1−ρ)g²</c>; without momentum <c>w −= lr·g/√(v+ε)</c>; with
/// momentum μ, <c>m = μm + lr·g/√(v+ε)</c>, <c>w −= m</c>; centered subtracts the mean gradient's square.
/// </summary>
public sealed class RMSprop : Optimizer
{
    private AlignedBuffer? velocities;
    private AlignedBuffer? momentums;
    private AlignedBuffer? averageGradients;

    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    public RMSprop(float learningRate = 0.001f, float rho = 0.9f, float momentum = 0f, float epsilon = 1e-7f, bool centered = false, float? weightDecay = null, float? clipNorm = null, float? clipValue = null, float? globalClipNorm = null)
        : base(learningRate, weightDecay, clipNorm, clipValue, globalClipNorm)
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
    public override int SlotsPerParameter => 1 + (Momentum != 0 ? 1 : 0) + (Centered ? 1 : 0);

    /// <summary>The running averages of squared gradients <c>v</c>.</summary>
    public Span<float> Velocities => velocities is null ? Span<float>.Empty : velocities.Span;

    /// <inheritdoc/>
    protected override void CreateState(int length)
    {
        velocities = State(length);
        momentums = Momentum != 0 ? State(length) : null;
        averageGradients = Centered ? State(length) : null;
    }

    /// <inheritdoc/>
    protected override void Update(Span<float> parameters, ReadOnlySpan<float> gradients, int offset, long step)
    {
        Span<float> v = velocities!.Span.Slice(offset, parameters.Length);
        Span<float> m = momentums is null ? Span<float>.Empty : momentums.Span.Slice(offset, parameters.Length);
        Span<float> a = averageGradients is null ? Span<float>.Empty : averageGradients.Span.Slice(offset, parameters.Length);
        float lr = LearningRate, rho = Rho, mu = Momentum, eps = Epsilon;
        for (int i = 0; i < parameters.Length; i++)
        {
            float g = gradients[i];
            v[i] = (rho * v[i]) + ((1 - rho) * g * g);
            float denominator = v[i];
            if (Centered)
            {
                a[i] = (rho * a[i]) + ((1 - rho) * g);
                denominator -= a[i] * a[i];
            }

            float increment = lr * g / MathF.Sqrt(denominator + eps);
            if (momentums is not null)
            {
                m[i] = (mu * m[i]) + increment;
                parameters[i] -= m[i];
            }
            else
            {
                parameters[i] -= increment;
            }
        }
    }
}

using System;
using System.Numerics.Tensors;
using StaticKeras.Tensors;

namespace StaticKeras;

/// <summary>
/// Keras's <c>SGD</c>: with momentum μ, <c>m = μm − lr·g; w += m</c> (Nesterov:
/// <c>w += μm − lr·g</c>); without, <c>w −= lr·g</c>.
/// </summary>
public sealed class SGD : Optimizer
{
    private AlignedBuffer? velocity;

    /// <summary>Creates the optimizer with Keras's defaults.</summary>
    public SGD(float learningRate = 0.01f, float momentum = 0f, bool nesterov = false, float? weightDecay = null, float? clipNorm = null, float? clipValue = null, float? globalClipNorm = null)
        : base(learningRate, weightDecay, clipNorm, clipValue, globalClipNorm)
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
    protected override void CreateState(int length) => velocity = Momentum != 0 ? State(length) : null;

    /// <inheritdoc/>
    protected override void Update(Span<float> parameters, ReadOnlySpan<float> gradients, int offset, long step)
    {
        float lr = LearningRate;
        if (velocity is null)
        {
            TensorPrimitives.MultiplyAdd(gradients, -lr, parameters, parameters);
            return;
        }

        Span<float> m = velocity.Span.Slice(offset, parameters.Length);
        float mu = Momentum;
        for (int i = 0; i < parameters.Length; i++)
        {
            float g = gradients[i];
            float mi = (mu * m[i]) - (lr * g);
            m[i] = mi;
            parameters[i] += Nesterov ? (mu * mi) - (lr * g) : mi;
        }
    }
}

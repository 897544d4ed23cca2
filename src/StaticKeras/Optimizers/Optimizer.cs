using System;
using System.Collections.Generic;
using System.Numerics.Tensors;
using StaticKeras.Tensors;

namespace StaticKeras;

/// <summary>
/// An optimizer over the model's one flat parameter buffer. Keras's common options apply to every
/// optimizer, in Keras's order: gradient clipping (<see cref="ClipNorm"/> per weight,
/// <see cref="ClipValue"/>, <see cref="GlobalClipNorm"/>), then decoupled
/// <see cref="WeightDecay"/>, then the optimizer's own update.
/// </summary>
public abstract class Optimizer
{
    // An array, not a list interface: foreach over it allocates no enumerator on the hot path.
    private WeightDefinition[] weights = Array.Empty<WeightDefinition>();

    /// <summary>Sets the options every optimizer shares.</summary>
    protected Optimizer(float learningRate, float? weightDecay, float? clipNorm, float? clipValue, float? globalClipNorm)
    {
        int clips = (clipNorm is null ? 0 : 1) + (clipValue is null ? 0 : 1) + (globalClipNorm is null ? 0 : 1);
        if (clips > 1)
        {
            throw new ArgumentException("Set at most one of clipNorm, clipValue and globalClipNorm, as in Keras.");
        }

        if (!(learningRate > 0) || float.IsInfinity(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be a positive finite number, for example 1e-3f.");
        }

        LearningRate = learningRate;
        WeightDecay = weightDecay;
        ClipNorm = clipNorm;
        ClipValue = clipValue;
        GlobalClipNorm = globalClipNorm;
    }

    /// <summary>Keras's name of the optimizer (<c>adam</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The learning rate; may be changed between steps (a schedule or a callback).</summary>
    public float LearningRate { get; set; }

    /// <summary>Decoupled weight decay: <c>w −= w · decay · lr</c> before each update; none when null.</summary>
    public float? WeightDecay { get; }

    /// <summary>Scales each weight's gradient so its L2 norm is at most this.</summary>
    public float? ClipNorm { get; }

    /// <summary>Clips every gradient value to [−v, v].</summary>
    public float? ClipValue { get; }

    /// <summary>Scales all gradients together so their global L2 norm is at most this.</summary>
    public float? GlobalClipNorm { get; }

    /// <summary>Updates applied so far (Keras's <c>optimizer.iterations</c>).</summary>
    public long Iterations { get; set; }

    /// <summary>State values per parameter (Adam: 2), for the summary's optimizer line.</summary>
    public abstract int SlotsPerParameter { get; }

    /// <summary>Allocates state for a parameter buffer of <paramref name="length"/> floats holding <paramref name="trainable"/> weights.</summary>
    internal void Build(int length, IReadOnlyList<WeightDefinition> trainable)
    {
        weights = [.. trainable];
        CreateState(length);
    }

    /// <summary>One step: clip, decay, update; the gradients may be changed in place.</summary>
    internal void Apply(Span<float> parameters, Span<float> gradients)
    {
        ClipGradients(gradients);
        if (WeightDecay is { } decay && decay != 0)
        {
            float factor = 1f - (decay * LearningRate);
            foreach (WeightDefinition w in weights)
            {
                Span<float> p = parameters.Slice(w.Offset, w.Size);
                TensorPrimitives.Multiply(p, factor, p);
            }
        }

        Iterations++;
        foreach (WeightDefinition w in weights)
        {
            Update(parameters.Slice(w.Offset, w.Size), gradients.Slice(w.Offset, w.Size), w.Offset, Iterations);
        }
    }

    /// <summary>Allocates the optimizer's state (moments) for <paramref name="length"/> parameters.</summary>
    protected abstract void CreateState(int length);

    /// <summary>Updates one weight.</summary>
    /// <param name="parameters">The weight's values.</param>
    /// <param name="gradients">Its gradient.</param>
    /// <param name="offset">Its offset in the parameter buffer (to find its state).</param>
    /// <param name="step">The 1-based step number (Keras's <c>iterations + 1</c>).</param>
    protected abstract void Update(Span<float> parameters, ReadOnlySpan<float> gradients, int offset, long step);

    /// <summary>Creates a state buffer.</summary>
    private protected static AlignedBuffer State(int length) => new(length);

    private void ClipGradients(Span<float> gradients)
    {
        if (ClipValue is { } v)
        {
            foreach (WeightDefinition w in weights)
            {
                Span<float> g = gradients.Slice(w.Offset, w.Size);
                TensorPrimitives.Clamp(g, -v, v, g);
            }
        }
        else if (ClipNorm is { } n)
        {
            foreach (WeightDefinition w in weights)
            {
                Scale(gradients.Slice(w.Offset, w.Size), n, TensorPrimitives.Norm(gradients.Slice(w.Offset, w.Size)));
            }
        }
        else if (GlobalClipNorm is { } g)
        {
            double sum = 0;
            foreach (WeightDefinition w in weights)
            {
                sum += TensorPrimitives.SumOfSquares(gradients.Slice(w.Offset, w.Size));
            }

            float norm = (float)Math.Sqrt(sum);
            foreach (WeightDefinition w in weights)
            {
                Scale(gradients.Slice(w.Offset, w.Size), g, norm);
            }
        }
    }

    private static void Scale(Span<float> g, float clip, float norm)
    {
        if (norm > clip)
        {
            TensorPrimitives.Multiply(g, clip / norm, g);
        }
    }
}

using System;
using System.ComponentModel;

namespace StaticKeras;

/// <summary>
/// What an <see cref="ILayer"/> sees of the model during one pass: the batch, its shapes, its
/// weights and their gradients, its caches, its arguments and the model's random stream. A view
/// over buffers the model owns; it allocates nothing.
/// </summary>
public readonly ref struct LayerContext
{
    private readonly Span<float> parameters;
    private readonly Span<float> gradients;
    private readonly Span<float> caches;

    /// <summary>Creates the context of one layer call. Called by generated code.</summary>
    /// <param name="info">The layer's compile-time facts.</param>
    /// <param name="batch">Samples in the batch.</param>
    /// <param name="training">True in the training passes (Keras's <c>training</c> argument).</param>
    /// <param name="parameters">The model's parameter buffer.</param>
    /// <param name="gradients">The model's gradient buffer in the backward pass; empty forward.</param>
    /// <param name="caches">This layer's caches for the batch (training), laid out cache after cache; empty at inference.</param>
    /// <param name="random">The model's random stream for layers that draw (noise, masks).</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public LayerContext(LayerInfo info, int batch, bool training, Span<float> parameters, Span<float> gradients, Span<float> caches, SeededRandom random)
    {
        Info = info;
        Batch = batch;
        Training = training;
        this.parameters = parameters;
        this.gradients = gradients;
        this.caches = caches;
        Random = random;
    }

    /// <summary>The layer's compile-time facts.</summary>
    public LayerInfo Info { get; }

    /// <summary>Samples in the batch.</summary>
    public int Batch { get; }

    /// <summary>True while training (forward and backward), false when predicting.</summary>
    public bool Training { get; }

    /// <summary>The input shape of one sample.</summary>
    public ReadOnlySpan<int> InputShape => Info.InputShape;

    /// <summary>The output shape of one sample.</summary>
    public ReadOnlySpan<int> OutputShape => Info.OutputShape;

    /// <summary>The model's random stream.</summary>
    public SeededRandom Random { get; }

    /// <summary>Weight <paramref name="index"/> (declaration order), read-only.</summary>
    public ReadOnlySpan<float> Weight(int index) => parameters.Slice(Info.WeightOffsets[index], Info.WeightSizes[index]);

    /// <summary>The weight named <paramref name="name"/>, read-only.</summary>
    public ReadOnlySpan<float> Weight(string name) => Weight(Info.WeightIndex(name));

    /// <summary>
    /// Weight <paramref name="index"/>, writable: the training forward pass may update
    /// non-trainable state (moving averages) through it.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called while predicting, when weights are read-only (predictions run concurrently).</exception>
    public Span<float> State(int index) => Training
        ? parameters.Slice(Info.WeightOffsets[index], Info.WeightSizes[index])
        : throw new InvalidOperationException($"Layer '{Info.Name}' wrote its weight '{Info.WeightNames[index]}' while predicting; weights are read-only then. Update state only when context.Training is true.");

    /// <summary>The gradient of weight <paramref name="index"/> (backward pass only; write it, do not add to it).</summary>
    public Span<float> WeightGradient(int index) => gradients.IsEmpty ? Span<float>.Empty : gradients.Slice(Info.WeightOffsets[index], Info.WeightSizes[index]);

    /// <summary>The gradient of the weight named <paramref name="name"/>.</summary>
    public Span<float> WeightGradient(string name) => WeightGradient(Info.WeightIndex(name));

    /// <summary>Cache <paramref name="index"/> (declaration order) for the whole batch; empty when predicting.</summary>
    public Span<float> Cache(int index)
    {
        if (caches.IsEmpty)
        {
            return Span<float>.Empty;
        }

        int offset = 0;
        for (int i = 0; i < index; i++)
        {
            offset += Info.CacheSizes[i];
        }

        return caches.Slice(offset * Batch, Info.CacheSizes[index] * Batch);
    }

    /// <summary>
    /// The layer attribute's argument <paramref name="name"/> (its property name) as a number: the
    /// value written, else the property's <c>[DefaultValue]</c>.
    /// </summary>
    /// <exception cref="ArgumentException">It was not written and has no <c>[DefaultValue]</c>.</exception>
    public double Argument(string name)
    {
        int i = Array.IndexOf(Info.ArgumentNames, name);
        return i >= 0
            ? Info.ArgumentValues[i]
            : throw new ArgumentException($"Layer '{Info.Name}' was given no argument '{name}' (it has {(Info.ArgumentNames.Length == 0 ? "none" : string.Join(", ", Info.ArgumentNames))}). Write it on the attribute, put [System.ComponentModel.DefaultValue(...)] on the property so the generator knows its default, or call Argument(name, fallback).", nameof(name));
    }

    /// <summary>The argument <paramref name="name"/>, or <paramref name="fallback"/> when it was not written and has no <c>[DefaultValue]</c>.</summary>
    public double Argument(string name, double fallback)
    {
        int i = Array.IndexOf(Info.ArgumentNames, name);
        return i >= 0 ? Info.ArgumentValues[i] : fallback;
    }
}

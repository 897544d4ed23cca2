using System;
using System.Collections.Generic;
using StaticKeras.Tensors;

namespace StaticKeras;

/// <summary>
/// An optimizer over the model's one flat parameter buffer, with Keras's common options
/// (<c>keras/src/optimizers/base_optimizer.py</c>): gradient clipping (<see cref="ClipNorm"/> per
/// weight, <see cref="GlobalClipNorm"/>, <see cref="ClipValue"/>), decoupled
/// <see cref="WeightDecay"/>, gradient accumulation (<see cref="GradientAccumulationSteps"/>) and
/// an exponential moving average of the weights (<see cref="UseEma"/>). A step runs them in Keras's
/// order: accumulate (or average the accumulated gradients), clip, decay, the optimizer's own
/// update, then the moving average.
/// </summary>
public abstract partial class Optimizer
{
    private readonly LearningRateSchedule? schedule;

    // Keras's learning_rate variable, in an array so that a checkpoint can read and write it in place.
    private readonly float[] learningRateCell = new float[1];
    private readonly int? accumulationSteps;
    private readonly int? emaOverwriteFrequency;
    private readonly float emaMomentum = 0.99f;

    // An array, not a list interface: foreach over it allocates no enumerator on the hot path.
    private WeightDefinition[] weights = Array.Empty<WeightDefinition>();

    // Keras's _iterations: every call of Apply, accumulation steps included.
    private long rawIterations;

    /// <summary>Sets the options every optimizer shares.</summary>
    /// <param name="learningRate">A number, or a <see cref="LearningRateSchedule"/>.</param>
    /// <param name="weightDecay">Decoupled weight decay; none when null.</param>
    /// <param name="clipNorm">Per-weight gradient norm clip.</param>
    /// <param name="clipValue">Gradient value clip.</param>
    /// <param name="globalClipNorm">Global gradient norm clip.</param>
    protected Optimizer(LearningRateSchedule learningRate, float? weightDecay, float? clipNorm, float? clipValue, float? globalClipNorm)
    {
        ArgumentNullException.ThrowIfNull(learningRate);
        int clips = (clipNorm is null ? 0 : 1) + (clipValue is null ? 0 : 1) + (globalClipNorm is null ? 0 : 1);
        if (clips > 1)
        {
            throw new ArgumentException($"Set at most one of clipNorm, clipValue and globalClipNorm, as in Keras; got clipNorm={clipNorm}, clipValue={clipValue}, globalClipNorm={globalClipNorm}.");
        }

        if (learningRate is ConstantLearningRate constant)
        {
            float rate = constant.Value;
            if (!(rate > 0) || float.IsInfinity(rate))
            {
                throw new ArgumentOutOfRangeException(nameof(learningRate), rate, "The learning rate must be a positive finite number, for example 1e-3f.");
            }

            learningRateCell[0] = rate;
        }
        else
        {
            schedule = learningRate;
        }

        WeightDecay = weightDecay;
        ClipNorm = clipNorm;
        ClipValue = clipValue;
        GlobalClipNorm = globalClipNorm;
    }

    /// <summary>Keras's name of the optimizer (<c>adam</c>), the prefix of its variables' paths.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// The learning rate of the next update: the constant given, or the schedule at the step counter.
    /// A constant may be changed between steps (ReduceLROnPlateau does); a schedule may not.
    /// </summary>
    /// <exception cref="InvalidOperationException">Set on an optimizer created with a schedule.</exception>
    public float LearningRate
    {
        get => schedule is null ? learningRateCell[0] : schedule.Compute(rawIterations);
        set
        {
            if (schedule is not null)
            {
                throw new InvalidOperationException($"Optimizer '{Name}' was created with the learning-rate schedule {schedule.Name}, so its learning rate is not settable, as in Keras. Create it with a number as learningRate to change the rate during training.");
            }

            learningRateCell[0] = value;
        }
    }

    /// <summary>The learning-rate schedule given to the constructor; null for a constant rate.</summary>
    public LearningRateSchedule? Schedule => schedule;

    /// <summary>Decoupled weight decay: <c>w −= w · decay · lr</c> before each update; none when null.</summary>
    public float? WeightDecay { get; }

    /// <summary>Scales each weight's gradient so its L2 norm is at most this.</summary>
    public float? ClipNorm { get; }

    /// <summary>Clips every gradient value to [−v, v].</summary>
    public float? ClipValue { get; }

    /// <summary>Scales all gradients together so their global L2 norm is at most this.</summary>
    public float? GlobalClipNorm { get; }

    /// <summary>
    /// Keras's <c>use_ema</c>: keep an exponential moving average of the trainable weights, and
    /// write it into the model when <c>Fit</c> ends (and every <see cref="EmaOverwriteFrequency"/> updates).
    /// </summary>
    public bool UseEma { get; init; }

    /// <summary>Keras's <c>ema_momentum</c>, in [0, 1]: <c>average = m · average + (1 − m) · w</c> (default 0.99).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1].</exception>
    public float EmaMomentum
    {
        get => emaMomentum;
        init => emaMomentum = value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(EmaMomentum), value, "EmaMomentum must be in [0, 1], as Keras's ema_momentum.");
    }

    /// <summary>Keras's <c>ema_overwrite_frequency</c>: every this many updates the weights are replaced by their average; null for only at the end of Fit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int? EmaOverwriteFrequency
    {
        get => emaOverwriteFrequency;
        init => emaOverwriteFrequency = value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(EmaOverwriteFrequency), value, "EmaOverwriteFrequency must be at least 1 (or null), as Keras's ema_overwrite_frequency.");
    }

    /// <summary>
    /// Keras's <c>gradient_accumulation_steps</c>: sum the gradients of this many batches and update
    /// once, with their mean; null for an update every batch.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Below 2.</exception>
    public int? GradientAccumulationSteps
    {
        get => accumulationSteps;
        init => accumulationSteps = value is null or >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(GradientAccumulationSteps), value, "GradientAccumulationSteps must be an integer >= 2 (or null), as Keras's gradient_accumulation_steps.");
    }

    /// <summary>
    /// Updates applied so far (Keras's <c>optimizer.iterations</c>): with gradient accumulation, the
    /// accumulated updates, not the batches. Setting it sets the step counter to that many updates.
    /// </summary>
    public long Iterations
    {
        get => rawIterations / (accumulationSteps ?? 1);
        set => rawIterations = value * (accumulationSteps ?? 1);
    }

    /// <summary>State values per parameter (Adam: 2), for the summary's optimizer line.</summary>
    public abstract int SlotsPerParameter { get; }

    /// <summary>The trainable weights the optimizer was built on.</summary>
    private protected ReadOnlySpan<WeightDefinition> TrainableWeights => weights;

    /// <summary>Allocates state for a parameter buffer of <paramref name="length"/> floats holding <paramref name="trainable"/> weights.</summary>
    internal void Build(int length, IReadOnlyList<WeightDefinition> trainable)
    {
        weights = [.. trainable];
        BeginVariables(length);
        CreateState(length);
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
}

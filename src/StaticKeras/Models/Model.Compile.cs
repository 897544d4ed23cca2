using System;
using System.Collections.Generic;

namespace StaticKeras;

public abstract partial class Model
{
    private Metric[] metrics = Array.Empty<Metric>();

    /// <summary>The optimizer given to <see cref="Compile"/>.</summary>
    public Optimizer? Optimizer { get; private set; }

    /// <summary>The loss given to <see cref="Compile"/>.</summary>
    public Loss? Loss { get; private set; }

    /// <summary>
    /// The metrics given to <see cref="Compile"/> (Keras 2's <c>model.compiled_metrics</c>). Not
    /// named <c>Metrics</c>, so that <c>Metrics.Accuracy</c> inside a model class still means the
    /// static <see cref="StaticKeras.Metrics"/> catalog.
    /// </summary>
    public IReadOnlyList<Metric> CompiledMetrics => metrics;

    /// <summary>True once <see cref="Compile"/> ran.</summary>
    public bool IsCompiled => Optimizer is not null;

    /// <summary>
    /// Keras's <c>compile</c>: chooses the optimizer (RMSprop by default, as Keras), the loss and
    /// the metrics for <c>Fit</c>, <c>Evaluate</c> and <c>TrainOnBatch</c>.
    /// </summary>
    /// <param name="optimizer">The optimizer; Keras's default <c>RMSprop()</c> when null.</param>
    /// <param name="loss">The loss (<see cref="Losses"/>); needed to train or evaluate.</param>
    /// <param name="metrics">Metrics to report, such as <see cref="Metrics.Accuracy"/>.</param>
    public void Compile(Optimizer? optimizer = null, Loss? loss = null, IReadOnlyList<Metric>? metrics = null)
    {
        Optimizer = optimizer ?? new RMSprop();
        Loss = loss;
        this.metrics = metrics is null ? Array.Empty<Metric>() : [.. metrics];
        var trainable = new List<WeightDefinition>();
        foreach (WeightDefinition w in Definition.Weights)
        {
            if (w.Trainable)
            {
                trainable.Add(w);
            }
        }

        Optimizer.Build(Definition.ParameterBufferLength, trainable);
        onBatchLogs.Clear();
        ResetMetrics();
    }

    /// <summary>The compiled loss, or a clear exception saying what to call first.</summary>
    private Loss RequireLoss(string operation)
    {
        if (Optimizer is null)
        {
            throw new InvalidOperationException($"Model '{Name}' must be compiled before {operation}. Call model.Compile(optimizer: new Adam(), loss: Losses.SparseCategoricalCrossentropy, metrics: [Metrics.Accuracy]) first.");
        }

        return Loss ?? throw new InvalidOperationException($"Model '{Name}' was compiled without a loss, which {operation} needs. Pass one to Compile, for example loss: Losses.MeanSquaredError.");
    }
}

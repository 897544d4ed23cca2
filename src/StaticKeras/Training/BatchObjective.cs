using System;
using StaticKeras.Tensors;

namespace StaticKeras.Training;

/// <summary>
/// The compiled loss as Fit's training step sees it: the batch's row weights applied, the compiled
/// metrics updated with the same weights on the output before the backward pass (which may reuse
/// its memory), and a record of a loss that was not finite, so that Fit can tell
/// <see cref="TerminateOnNaN"/> about it.
/// </summary>
internal sealed class BatchObjective : Loss
{
    private readonly Loss loss;
    private readonly Metric[] metrics;
    private readonly AlignedBuffer weightStage = new();
    private int weightCount;

    public BatchObjective(Loss loss, Metric[] metrics)
    {
        this.loss = loss;
        this.metrics = metrics;
    }

    /// <summary>True when the last batch's loss was NaN or infinite.</summary>
    public bool NonFinite { get; private set; }

    public override string Name => loss.Name;

    public override int LabelsPerRow(int classes) => loss.LabelsPerRow(classes);

    /// <summary>Room for one batch's row weights; <see cref="UseWeights"/> says how many were written.</summary>
    public Span<float> WeightStage(int rows)
    {
        weightStage.EnsureLength(rows);
        return weightStage.Span;
    }

    /// <summary>Uses the first <paramref name="count"/> staged weights for the next batch (0 for none).</summary>
    public void UseWeights(int count) => weightCount = count;

    public override float Compute(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, int rows, int cols) =>
        loss.Compute(predictions, labels, Weights, rows, cols);

    public override float ComputeWithGradient(ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, Span<float> gradient, int rows, int cols, LossFusion outputFusion, out bool gradientIsPreActivation)
    {
        ReadOnlySpan<float> weights = Weights;
        float value = loss.ComputeWithGradient(predictions, labels, weights, gradient, rows, cols, outputFusion, out gradientIsPreActivation);
        NonFinite = !float.IsFinite(value);
        if (!NonFinite)
        {
            int labelsPerRow = loss.LabelsPerRow(cols);
            foreach (Metric metric in metrics)
            {
                metric.Update(predictions, labels, weights, rows, cols, labelsPerRow);
            }
        }

        return value;
    }

    public override void ValidateLabels(ReadOnlySpan<float> labels, int cols) => loss.ValidateLabels(labels, cols);

    private ReadOnlySpan<float> Weights => weightCount == 0 ? ReadOnlySpan<float>.Empty : weightStage.Span.Slice(0, weightCount);
}

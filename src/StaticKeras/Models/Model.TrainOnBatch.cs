using System;
using System.Collections.Generic;
using StaticKeras.Tensors;

namespace StaticKeras;

public abstract partial class Model
{
    private readonly AlignedBuffer labelStaging = new();
    private readonly Dictionary<string, double> onBatchLogs = new(StringComparer.Ordinal);
    private double onBatchLossSum;
    private long onBatchSamples;

    /// <summary>
    /// Keras's <c>train_on_batch(..., return_dict=True)</c>: one gradient step on one batch. Returns
    /// the loss and every compiled metric, as Keras 3 does: running means over the batches since
    /// <see cref="ResetMetrics"/> (so a single call after a reset gives this batch's values).
    /// Allocates nothing once the workspace has grown to this batch size.
    /// </summary>
    /// <param name="x">The batch, row-major (the batch size is the length over the sample size).</param>
    /// <param name="y">The targets: one-hot or values per sample, or one class id per sample for sparse losses.</param>
    /// <returns>
    /// <c>loss</c> and each metric by its Keras name: a dictionary the model reuses, updated by the
    /// next on-batch call (copy what you keep).
    /// </returns>
    /// <exception cref="ArgumentException">x or y has the wrong length; the message gives the expected shape.</exception>
    /// <exception cref="InvalidOperationException">The model is not compiled, or the loss is not finite.</exception>
    public IReadOnlyDictionary<string, double> TrainOnBatch(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        Loss loss = RequireLoss("TrainOnBatch");
        int batch = SamplesIn(x.Length);
        CheckLabels(y.Length, batch, loss);
        loss.ValidateLabels(y, OutputColumns);
        float value = TrainStep(x, y, batch, loss, updateMetrics: true);
        return OnBatchLogs(value, batch);
    }

    /// <summary>Keras's <c>train_on_batch</c> with integer class ids (sparse losses).</summary>
    /// <inheritdoc cref="TrainOnBatch(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
    public IReadOnlyDictionary<string, double> TrainOnBatch(ReadOnlySpan<float> x, ReadOnlySpan<int> y) => TrainOnBatch(x, StageLabels(y));

    /// <summary>
    /// Keras's <c>test_on_batch(..., return_dict=True)</c>: the loss and metrics on one batch,
    /// without training; running means since <see cref="ResetMetrics"/>, as <see cref="TrainOnBatch(ReadOnlySpan{float}, ReadOnlySpan{float})"/>.
    /// </summary>
    /// <inheritdoc cref="TrainOnBatch(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
    public IReadOnlyDictionary<string, double> TestOnBatch(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        Loss loss = RequireLoss("TestOnBatch");
        int batch = SamplesIn(x.Length);
        CheckLabels(y.Length, batch, loss);
        loss.ValidateLabels(y, OutputColumns);
        Span<float> output = PredictionBuffer(batch);
        RunInference(x, output, batch);
        int rows = batch * RowsPerSample;
        int labelsPerRow = loss.LabelsPerRow(OutputColumns);
        foreach (Metric metric in metrics)
        {
            metric.Update(output, y, rows, OutputColumns, labelsPerRow);
        }

        return OnBatchLogs(loss.Compute(output, y, rows, OutputColumns), batch);
    }

    /// <summary>Keras's <c>test_on_batch</c> with integer class ids.</summary>
    /// <inheritdoc cref="TestOnBatch(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
    public IReadOnlyDictionary<string, double> TestOnBatch(ReadOnlySpan<float> x, ReadOnlySpan<int> y) => TestOnBatch(x, StageLabels(y));

    /// <summary>
    /// Keras's <c>reset_metrics()</c>: starts new running means for <c>TrainOnBatch</c> and
    /// <c>TestOnBatch</c> (<c>Fit</c> and <c>Evaluate</c> reset on their own).
    /// </summary>
    public void ResetMetrics()
    {
        onBatchLossSum = 0;
        onBatchSamples = 0;
        foreach (Metric metric in metrics)
        {
            metric.Reset();
        }
    }

    /// <summary>Adds one batch's loss to the running mean and fills the reused logs.</summary>
    private IReadOnlyDictionary<string, double> OnBatchLogs(float loss, int batch)
    {
        onBatchLossSum += (double)loss * batch;
        onBatchSamples += batch;
        onBatchLogs["loss"] = onBatchLossSum / onBatchSamples;
        foreach (Metric metric in metrics)
        {
            onBatchLogs[metric.Name] = metric.Result();
        }

        return onBatchLogs;
    }

    /// <summary>
    /// Forward, loss, backward and the optimizer update for one batch. Metrics see the output
    /// before the backward pass, which may reuse its memory.
    /// </summary>
    private float TrainStep(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int batch, Loss loss, bool updateMetrics)
    {
        BeginWeightWrite();
        try
        {
            float value = ComputeGradients(x, y, batch, loss, updateMetrics);
            Optimizer!.Apply(Parameters, Gradients);
            return value;
        }
        finally
        {
            EndWeightWrite();
        }
    }

    /// <summary>Forward, loss and backward for one batch: leaves every weight's gradient in <see cref="Gradients"/>.</summary>
    private float ComputeGradients(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int batch, Loss loss, bool updateMetrics)
    {
        Span<float> workspace = TrainingWorkspace(batch);
        ForwardTraining(x, workspace, batch);

        WorkspaceLayout layout = Definition.Training;
        int count = batch * Definition.OutputSize;
        int rows = batch * RowsPerSample;
        ReadOnlySpan<float> output = workspace.Slice(layout.Start(layout.OutputOffset, batch), count);
        Span<float> outputGradient = workspace.Slice(layout.Start(layout.OutputGradientOffset, batch), count);
        float value = loss.ComputeWithGradient(output, y, outputGradient, rows, OutputColumns, Definition.OutputFusion, out bool preActivation);
        if (!float.IsFinite(value))
        {
            throw LossNotFinite(value);
        }

        if (updateMetrics)
        {
            int labelsPerRow = loss.LabelsPerRow(OutputColumns);
            foreach (Metric metric in metrics)
            {
                metric.Update(output, y, rows, OutputColumns, labelsPerRow);
            }
        }

        Backward(x, workspace, batch, preActivation);
        return value;
    }

    /// <summary>For gradient checks: the batch's loss, with every weight's gradient left in <see cref="GradientValues"/>; no update.</summary>
    internal float ComputeGradients(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        Loss loss = RequireLoss("ComputeGradients");
        int batch = SamplesIn(x.Length);
        CheckLabels(y.Length, batch, loss);
        return ComputeGradients(x, y, batch, loss, updateMetrics: false);
    }

    /// <summary>For gradient checks: the batch's loss with the training forward pass (dropout and noise on), no backward.</summary>
    internal float TrainingLoss(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        Loss loss = RequireLoss("GradientCheck");
        int batch = SamplesIn(x.Length);
        CheckLabels(y.Length, batch, loss);
        Span<float> workspace = TrainingWorkspace(batch);
        ForwardTraining(x, workspace, batch);
        WorkspaceLayout layout = Definition.Training;
        return loss.Compute(workspace.Slice(layout.Start(layout.OutputOffset, batch), batch * Definition.OutputSize), y, batch * RowsPerSample, OutputColumns);
    }

    /// <summary>For tests: the training forward pass's output (batch statistics, dropout on), without a loss; state such as moving statistics updates as in a step.</summary>
    internal float[] TrainingOutput(ReadOnlySpan<float> x)
    {
        int batch = SamplesIn(x.Length);
        Span<float> workspace = TrainingWorkspace(batch);
        BeginWeightWrite();
        try
        {
            ForwardTraining(x, workspace, batch);
        }
        finally
        {
            EndWeightWrite();
        }

        WorkspaceLayout layout = Definition.Training;
        return workspace.Slice(layout.Start(layout.OutputOffset, batch), batch * Definition.OutputSize).ToArray();
    }

    /// <summary>For tests and tools: the parameter buffer (its derived buffers are rebuilt before the next prediction).</summary>
    internal Span<float> ParameterValues
    {
        get
        {
            WeightsHandedOut();
            return Parameters;
        }
    }

    /// <summary>For tests: the gradient buffer.</summary>
    internal Span<float> GradientValues => Gradients;

    private InvalidOperationException LossNotFinite(float value) => new(
        $"Model '{Name}': the loss became {value} at step {(Optimizer?.Iterations ?? 0) + 1}, so training diverged; the weights were not updated by this step. " +
        $"Lower the learning rate (now {Optimizer?.LearningRate}), scale the inputs (for example pixels / 255), or check x and y for NaN or infinity.");

    /// <summary>Copies integer labels into a reused float buffer.</summary>
    private ReadOnlySpan<float> StageLabels(ReadOnlySpan<int> labels)
    {
        labelStaging.EnsureLength(labels.Length);
        Span<float> staged = labelStaging.Span.Slice(0, labels.Length);
        for (int i = 0; i < labels.Length; i++)
        {
            staged[i] = labels[i];
        }

        return staged;
    }
}

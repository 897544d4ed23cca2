using System;
using System.Collections.Generic;

namespace StaticKeras.Training;

/// <summary>
/// A range of samples over the user's arrays (one per model input, plus labels), without copying:
/// Fit's training and validation parts are two ranges of the same arrays.
/// </summary>
internal readonly struct SampleSet
{
    private readonly IReadOnlyList<float[]> inputs;
    private readonly IReadOnlyList<int> inputSizes;
    private readonly float[]? labels;
    private readonly int labelsPerSample;
    private readonly float[]? weights;

    public SampleSet(IReadOnlyList<float[]> inputs, IReadOnlyList<int> inputSizes, float[]? labels, int labelsPerSample, int start, int count, float[]? weights = null)
    {
        this.inputs = inputs;
        this.inputSizes = inputSizes;
        this.labels = labels;
        this.labelsPerSample = labelsPerSample;
        this.weights = weights;
        Start = start;
        Count = count;
    }

    /// <summary>Whether the samples carry weights (Fit's sampleWeight or classWeight).</summary>
    public bool HasWeights => weights is not null;

    /// <summary>The same samples with one weight each (indexed like the labels: by absolute sample).</summary>
    public SampleSet WithWeights(float[]? sampleWeights) => new(inputs, inputSizes, labels, labelsPerSample, Start, Count, sampleWeights);

    /// <summary>
    /// The batch's weights, one per row: each sample's weight repeated <paramref name="rowsPerSample"/>
    /// times (Keras broadcasts a sample's weight over its loss rows); empty without weights.
    /// </summary>
    public ReadOnlySpan<float> RowWeights(ReadOnlySpan<int> order, int first, int batch, int rowsPerSample, Span<float> stage)
    {
        if (weights is null)
        {
            return ReadOnlySpan<float>.Empty;
        }

        for (int j = 0; j < batch; j++)
        {
            float w = weights[Start + (order.IsEmpty ? first + j : order[first + j])];
            stage.Slice(j * rowsPerSample, rowsPerSample).Fill(w);
        }

        return stage.Slice(0, batch * rowsPerSample);
    }

    /// <summary>The first sample of the range.</summary>
    public int Start { get; }

    /// <summary>Samples in the range.</summary>
    public int Count { get; }

    public int LabelsPerSample => labelsPerSample;

    /// <summary>Splits off the last <paramref name="count"/> samples (Keras's validation_split takes the end, before shuffling).</summary>
    public (SampleSet Head, SampleSet Tail) SplitLast(int count) => (
        new SampleSet(inputs, inputSizes, labels, labelsPerSample, Start, Count - count, weights),
        new SampleSet(inputs, inputSizes, labels, labelsPerSample, Start + Count - count, count, weights));

    /// <summary>
    /// The batch of samples <c>order[first..first+batch)</c> (positions within the range), in the
    /// layout the generated passes read: each input's block in turn. Contiguous single-input
    /// batches are returned in place; others are gathered into <paramref name="xStage"/>.
    /// </summary>
    public ReadOnlySpan<float> Inputs(ReadOnlySpan<int> order, int first, int batch, Span<float> xStage)
    {
        if (inputs.Count == 1 && order.IsEmpty)
        {
            int size = inputSizes[0];
            return inputs[0].AsSpan((Start + first) * size, batch * size);
        }

        int blockStart = 0;
        for (int k = 0; k < inputs.Count; k++)
        {
            int size = inputSizes[k];
            for (int j = 0; j < batch; j++)
            {
                int sample = Start + (order.IsEmpty ? first + j : order[first + j]);
                inputs[k].AsSpan(sample * size, size).CopyTo(xStage.Slice(blockStart + (j * size), size));
            }

            blockStart += batch * size;
        }

        return xStage.Slice(0, blockStart);
    }

    /// <summary>The labels of the same batch as <see cref="Inputs"/>.</summary>
    public ReadOnlySpan<float> Labels(ReadOnlySpan<int> order, int first, int batch, Span<float> yStage)
    {
        if (labels is null)
        {
            return ReadOnlySpan<float>.Empty;
        }

        int width = labelsPerSample;
        if (order.IsEmpty)
        {
            return labels.AsSpan((Start + first) * width, batch * width);
        }

        for (int j = 0; j < batch; j++)
        {
            labels.AsSpan((Start + order[first + j]) * width, width).CopyTo(yStage.Slice(j * width, width));
        }

        return yStage.Slice(0, batch * width);
    }
}

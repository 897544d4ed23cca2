using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using StaticKeras.Tensors;
using StaticKeras.Training;

namespace StaticKeras;

public abstract partial class Model
{
    private readonly AlignedBuffer inputStaging = new();
    private readonly AlignedBuffer batchLabelStaging = new();

    /// <summary>
    /// Keras's <c>fit</c>: trains for <paramref name="epochs"/> epochs of shuffled mini-batches,
    /// printing Keras's progress line, and returns the <see cref="History"/> (also kept in
    /// <see cref="History"/>).
    /// </summary>
    /// <param name="x">Training samples, row-major: N × the input's sample size.</param>
    /// <param name="y">Targets: N × the output size, or N class ids for sparse losses.</param>
    /// <param name="epochs">Passes over the data.</param>
    /// <param name="batchSize">Samples per gradient step.</param>
    /// <param name="validationSplit">The fraction of samples, taken from the end before shuffling, held out for validation.</param>
    /// <param name="shuffle">Shuffle the training samples before each epoch.</param>
    /// <param name="verbose">0: silent; 1: progress bar; 2: one line per epoch.</param>
    /// <param name="callbacks">Hooks called during training.</param>
    /// <param name="validationData">Validation samples and targets (takes precedence over <paramref name="validationSplit"/>).</param>
    /// <param name="initialEpoch">The epoch to start from (to resume training).</param>
    /// <param name="classWeight">Keras's <c>class_weight</c>: a loss weight per class id (the argmax of one-hot labels); classes not listed weigh 1. Training samples only.</param>
    /// <param name="sampleWeight">Keras's <c>sample_weight</c>: one loss weight per sample of <paramref name="x"/> (split with it by <paramref name="validationSplit"/>).</param>
    /// <param name="stepsPerEpoch">Batches per epoch; the next epoch continues where this one stopped, as Keras's iterator does. Null for one pass.</param>
    /// <param name="validationFreq">Validate after every this many epochs (Keras's <c>validation_freq</c>).</param>
    /// <param name="output">Where progress goes; <see cref="Console.Out"/> when null.</param>
    /// <param name="cancellationToken">Stops training after the current batch, then throws <see cref="OperationCanceledException"/>; weights, optimizer and <see cref="History"/> hold every completed step and epoch.</param>
    /// <exception cref="ArgumentException">x, y or a weight has the wrong length; the message gives the expected shape.</exception>
    /// <exception cref="InvalidOperationException">The model is not compiled, or the loss stopped being finite.</exception>
    public History Fit(
        float[] x,
        float[] y,
        int epochs = 1,
        int batchSize = 32,
        float validationSplit = 0f,
        bool shuffle = true,
        int verbose = 1,
        IReadOnlyList<Callback>? callbacks = null,
        (float[] X, float[] Y)? validationData = null,
        int initialEpoch = 0,
        IReadOnlyDictionary<int, float>? classWeight = null,
        float[]? sampleWeight = null,
        int? stepsPerEpoch = null,
        int validationFreq = 1,
        TextWriter? output = null,
        CancellationToken cancellationToken = default) =>
        Fit([x], y, epochs, batchSize, validationSplit, shuffle, verbose, callbacks, validationData is { } v ? ([v.X], v.Y) : null, initialEpoch, classWeight, sampleWeight, stepsPerEpoch, validationFreq, output, cancellationToken);

    /// <summary>Keras's <c>fit</c> with integer class ids (sparse losses).</summary>
    /// <inheritdoc cref="Fit(float[], float[], int, int, float, bool, int, IReadOnlyList{Callback}?, ValueTuple{float[], float[]}?, int, IReadOnlyDictionary{int, float}?, float[], int?, int, TextWriter?, CancellationToken)"/>
    public History Fit(
        float[] x,
        int[] y,
        int epochs = 1,
        int batchSize = 32,
        float validationSplit = 0f,
        bool shuffle = true,
        int verbose = 1,
        IReadOnlyList<Callback>? callbacks = null,
        (float[] X, int[] Y)? validationData = null,
        int initialEpoch = 0,
        IReadOnlyDictionary<int, float>? classWeight = null,
        float[]? sampleWeight = null,
        int? stepsPerEpoch = null,
        int validationFreq = 1,
        TextWriter? output = null,
        CancellationToken cancellationToken = default) =>
        Fit([x], ToFloat(y), epochs, batchSize, validationSplit, shuffle, verbose, callbacks, validationData is { } v ? ([v.X], ToFloat(v.Y)) : null, initialEpoch, classWeight, sampleWeight, stepsPerEpoch, validationFreq, output, cancellationToken);

    /// <summary>Keras's <c>fit</c> for a model with several inputs and integer class ids (sparse losses).</summary>
    /// <inheritdoc cref="Fit(float[], float[], int, int, float, bool, int, IReadOnlyList{Callback}?, ValueTuple{float[], float[]}?, int, IReadOnlyDictionary{int, float}?, float[], int?, int, TextWriter?, CancellationToken)"/>
    public History Fit(
        float[][] x,
        int[] y,
        int epochs = 1,
        int batchSize = 32,
        float validationSplit = 0f,
        bool shuffle = true,
        int verbose = 1,
        IReadOnlyList<Callback>? callbacks = null,
        (float[][] X, int[] Y)? validationData = null,
        int initialEpoch = 0,
        IReadOnlyDictionary<int, float>? classWeight = null,
        float[]? sampleWeight = null,
        int? stepsPerEpoch = null,
        int validationFreq = 1,
        TextWriter? output = null,
        CancellationToken cancellationToken = default) =>
        Fit(x, ToFloat(y), epochs, batchSize, validationSplit, shuffle, verbose, callbacks, validationData is { } v ? (v.X, ToFloat(v.Y)) : null, initialEpoch, classWeight, sampleWeight, stepsPerEpoch, validationFreq, output, cancellationToken);

    /// <summary>Keras's <c>fit</c> for a model with several inputs: one array per <c>[Input]</c>, in declaration order.</summary>
    /// <inheritdoc cref="Fit(float[], float[], int, int, float, bool, int, IReadOnlyList{Callback}?, ValueTuple{float[], float[]}?, int, IReadOnlyDictionary{int, float}?, float[], int?, int, TextWriter?, CancellationToken)"/>
    public History Fit(
        float[][] x,
        float[] y,
        int epochs = 1,
        int batchSize = 32,
        float validationSplit = 0f,
        bool shuffle = true,
        int verbose = 1,
        IReadOnlyList<Callback>? callbacks = null,
        (float[][] X, float[] Y)? validationData = null,
        int initialEpoch = 0,
        IReadOnlyDictionary<int, float>? classWeight = null,
        float[]? sampleWeight = null,
        int? stepsPerEpoch = null,
        int validationFreq = 1,
        TextWriter? output = null,
        CancellationToken cancellationToken = default)
    {
        Loss loss = RequireLoss("Fit");
        CheckFitArguments(batchSize, validationSplit, stepsPerEpoch, validationFreq, classWeight, sampleWeight);
        SampleSet train = Samples(x, y, loss, "x", "y");
        if (sampleWeight is not null && sampleWeight.Length != train.Count)
        {
            throw new ArgumentException($"sampleWeight needs one weight per sample of x ({train.Count}); got {sampleWeight.Length}.", nameof(sampleWeight));
        }

        train = train.WithWeights(sampleWeight);
        SampleSet? validation = null;
        if (validationData is { } data)
        {
            validation = Samples(data.X, data.Y, loss, "validationData.X", "validationData.Y");
        }
        else if (validationSplit > 0)
        {
            (train, validation) = SplitValidation(train, validationSplit);
        }

        if (classWeight is not null)
        {
            train = train.WithWeights(SampleWeights.FromClassWeights(classWeight, y, LabelsPerSample(loss), OutputColumns, RowsPerSample));
        }

        var settings = new FitSettings(epochs, initialEpoch, batchSize, shuffle, verbose, stepsPerEpoch, validationFreq, output ?? Console.Out, cancellationToken);
        return new FitLoop(this, loss, train, validation, settings, callbacks).Run();
    }

    /// <summary>Keras's <c>model.history</c>: the <see cref="StaticKeras.History"/> of the last <c>Fit</c>, complete up to the last finished epoch even when it was cancelled.</summary>
    public History? History { get; private set; }

    private static void CheckFitArguments(int batchSize, float validationSplit, int? stepsPerEpoch, int validationFreq, IReadOnlyDictionary<int, float>? classWeight, float[]? sampleWeight)
    {
        CheckBatchSize(batchSize);
        if (!(validationSplit >= 0 && validationSplit < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(validationSplit), validationSplit, "validationSplit must be in [0, 1): the fraction of samples held out for validation.");
        }

        if (stepsPerEpoch is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(stepsPerEpoch), stepsPerEpoch, "stepsPerEpoch must be at least 1 (or null for one pass over the data).");
        }

        if (validationFreq < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(validationFreq), validationFreq, "validationFreq must be at least 1: validate after every validationFreq epochs.");
        }

        if (classWeight is not null && sampleWeight is not null)
        {
            throw new ArgumentException("You cannot pass classWeight and sampleWeight at the same time, as in Keras; fold the class weights into sampleWeight.", nameof(classWeight));
        }
    }

    private static (SampleSet Train, SampleSet Validation) SplitValidation(SampleSet train, float validationSplit)
    {
        int keep = (int)Math.Floor(train.Count * (1.0 - validationSplit));
        if (keep == 0 || keep == train.Count)
        {
            throw new ArgumentException($"validationSplit {validationSplit} of {train.Count} samples leaves {keep} for training and {train.Count - keep} for validation; both need at least one.", nameof(validationSplit));
        }

        return train.SplitLast(train.Count - keep);
    }

    /// <summary>Wraps user arrays as a <see cref="SampleSet"/>, checking every length and label.</summary>
    private SampleSet Samples(float[][] x, float[] y, Loss loss, string xName, string yName)
    {
        ArgumentNullException.ThrowIfNull(x, xName);
        ArgumentNullException.ThrowIfNull(y, yName);
        int samples = SamplesIn(x, xName);
        CheckLabels(y.Length, samples, loss, yName);
        loss.ValidateLabels(y, OutputColumns);
        return new SampleSet(x, Definition.InputSizes, y, LabelsPerSample(loss), 0, samples);
    }

    /// <summary>Samples in a set of input arrays (one per model input), checked against each other.</summary>
    private int SamplesIn(float[][] x, string name)
    {
        if (x.Length != Definition.InputSizes.Count)
        {
            throw new ArgumentException($"Model '{Name}' has {Definition.InputSizes.Count} input(s) ({string.Join(", ", Definition.InputNames)}) but {x.Length} array(s) were given in {name}.", name);
        }

        int samples = -1;
        for (int k = 0; k < x.Length; k++)
        {
            int size = Definition.InputSizes[k];
            ArgumentNullException.ThrowIfNull(x[k], name);
            string input = Definition.InputNames[k];
            if (x[k].Length == 0 || x[k].Length % size != 0)
            {
                throw new ArgumentException($"Model '{Name}' expected {name} of shape {ModelDefinition.FormatShape(Definition.InputShapes[k], "N")}{(x.Length > 1 ? $" for input '{input}'" : string.Empty)}; length {x[k].Length} is not a {(x[k].Length == 0 ? "positive " : string.Empty)}multiple of {size}.", name);
            }

            int n = x[k].Length / size;
            if (samples >= 0 && n != samples)
            {
                throw new ArgumentException($"Model '{Name}': input '{input}' has {n} samples but '{Definition.InputNames[0]}' has {samples}; every input needs one row per sample.", name);
            }

            samples = n;
        }

        return samples;
    }

    private Span<float> InputStaging(int batch)
    {
        inputStaging.EnsureLength(batch * Definition.InputSize);
        return inputStaging.Span;
    }

    private Span<float> LabelStaging(int count)
    {
        batchLabelStaging.EnsureLength(count);
        return batchLabelStaging.Span;
    }

    private static float[] ToFloat(int[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return Array.ConvertAll(labels, v => (float)v);
    }
}

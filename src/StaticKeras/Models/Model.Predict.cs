using System;
using StaticKeras.Tensors;
using StaticKeras.Training;

namespace StaticKeras;

public abstract partial class Model
{
    private readonly AlignedBuffer predictionStaging = new();

    /// <summary>Keras's <c>predict</c>: the outputs for every sample, computed in batches.</summary>
    /// <remarks>Thread-safe: see <see cref="Predict(ReadOnlySpan{float}, Span{float})"/>. Allocates only the returned array.</remarks>
    /// <param name="x">Samples, row-major (the count is the length over the sample size).</param>
    /// <param name="batchSize">Samples per pass.</param>
    /// <returns>The outputs, row-major: <c>N × OutputSize</c> values.</returns>
    public float[] Predict(float[] x, int batchSize = 32) => Predict([x], batchSize);

    /// <summary>Keras's <c>predict</c> for a model with several inputs: one array per <c>[Input]</c>, in declaration order.</summary>
    /// <inheritdoc cref="Predict(float[], int)"/>
    public float[] Predict(float[][] x, int batchSize = 32)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckBatchSize(batchSize);
        var set = new SampleSet(x, Definition.InputSizes, null, 0, 0, SamplesIn(x, nameof(x)));
        int outputSize = Definition.OutputSize;
        var result = new float[(long)set.Count * outputSize];
        InferenceContext context = inference.Rent();
        try
        {
            Span<float> xStage = context.Inputs(Math.Min(batchSize, set.Count) * Definition.InputSize);
            for (int first = 0; first < set.Count; first += batchSize)
            {
                int batch = Math.Min(batchSize, set.Count - first);
                ReadOnlySpan<float> input = set.Inputs(ReadOnlySpan<int>.Empty, first, batch, xStage);
                RunInference(input, result.AsSpan(first * outputSize, batch * outputSize), batch, context);
            }
        }
        finally
        {
            inference.Return(context);
        }

        return result;
    }

    /// <summary>
    /// Predicts one batch into <paramref name="destination"/> (Keras's <c>predict_on_batch</c>).
    /// Allocates nothing once the workspace has grown to this batch size.
    /// </summary>
    /// <remarks>
    /// Thread-safe, as every <c>Predict</c>: any number of threads may predict with one model at
    /// once and get exactly what serial calls give (each call takes a pooled workspace of its own;
    /// one thread alone pays two interlocked operations). A prediction that meets a training step
    /// on another thread waits for the step to end and sees the weights after it.
    /// </remarks>
    /// <param name="x">The batch, row-major; for several inputs, each input's whole block in turn.</param>
    /// <param name="destination">Receives <c>batch × OutputSize</c> values.</param>
    public void Predict(ReadOnlySpan<float> x, Span<float> destination)
    {
        int batch = SamplesIn(x.Length);
        int needed = batch * Definition.OutputSize;
        if (destination.Length < needed)
        {
            throw new ArgumentException($"Model '{Name}' predicts {ModelDefinition.FormatShape(Definition.OutputShape, batch.ToString(System.Globalization.CultureInfo.InvariantCulture))} = {needed} values for these {batch} samples, but the destination holds {destination.Length}.", nameof(destination));
        }

        RunInference(x, destination, batch);
    }

    private Span<float> PredictionBuffer(int batch)
    {
        predictionStaging.EnsureLength(batch * Definition.OutputSize);
        return predictionStaging.Span.Slice(0, batch * Definition.OutputSize);
    }

    private static void CheckBatchSize(int batchSize)
    {
        if (batchSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be at least 1.");
        }
    }
}

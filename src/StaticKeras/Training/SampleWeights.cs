using System;
using System.Collections.Generic;

namespace StaticKeras.Training;

/// <summary>Keras's <c>class_weight_to_sample_weights</c> (<c>keras/src/trainers/data_adapters/data_adapter_utils.py</c>).</summary>
internal static class SampleWeights
{
    /// <summary>
    /// One weight per sample: the weight of its class (the rounded class id, or the argmax of a
    /// one-hot row), 1 for classes not listed.
    /// </summary>
    public static float[] FromClassWeights(IReadOnlyDictionary<int, float> classWeight, float[] labels, int labelsPerSample, int cols, int rowsPerSample)
    {
        if (rowsPerSample != 1)
        {
            throw new NotSupportedException($"classWeight needs one label row per sample, but this model's output has {rowsPerSample} rows per sample; pass sampleWeight instead.");
        }

        int samples = labels.Length / labelsPerSample;
        var weights = new float[samples];
        for (int s = 0; s < samples; s++)
        {
            ReadOnlySpan<float> row = labels.AsSpan(s * labelsPerSample, labelsPerSample);
            int id = labelsPerSample == 1 ? (int)MathF.Round(row[0]) : ArgMax(row);
            weights[s] = classWeight.TryGetValue(id, out float w) ? w : 1f;
        }

        return weights;
    }

    private static int ArgMax(ReadOnlySpan<float> row)
    {
        int best = 0;
        for (int i = 1; i < row.Length; i++)
        {
            best = row[i] > row[best] ? i : best;
        }

        return best;
    }
}

/// <summary>Fit's arguments that shape its loop.</summary>
internal sealed record FitSettings(int Epochs, int InitialEpoch, int BatchSize, bool Shuffle, int Verbose, int? StepsPerEpoch, int ValidationFreq, System.IO.TextWriter Output, System.Threading.CancellationToken CancellationToken);

using System;

namespace StaticKeras;

public abstract partial class Model
{
    /// <summary>The output's last dimension: the width of one loss row (classes, for classifiers).</summary>
    private int OutputColumns => Definition.OutputShape[^1];

    /// <summary>Loss rows per sample: 1 unless the output has more than one axis.</summary>
    private int RowsPerSample => Definition.OutputSize / OutputColumns;

    /// <summary>Label values per sample for <paramref name="loss"/>.</summary>
    private int LabelsPerSample(Loss loss) => RowsPerSample * loss.LabelsPerRow(OutputColumns);

    /// <summary>Samples in a single-input batch of <paramref name="length"/> values, or an exception naming the expected shape.</summary>
    private int SamplesIn(int length, string name = "x")
    {
        int size = Definition.InputSize;
        if (length == 0 || length % size != 0)
        {
            string shape = Definition.InputShapes.Count == 1
                ? ModelDefinition.FormatShape(Definition.InputShapes[0], "N")
                : $"{Definition.InputShapes.Count} inputs of {size} values per sample in all";
            throw new ArgumentException(
                length == 0
                    ? $"Model '{Name}' expected {name} of shape {shape}; {name} is empty."
                    : $"Model '{Name}' expected {name} of shape {shape}; length {length} is not a multiple of {size}.",
                name);
        }

        return length / size;
    }

    /// <summary>Checks that <paramref name="labelCount"/> labels fit <paramref name="samples"/> samples under <paramref name="loss"/>.</summary>
    private void CheckLabels(int labelCount, int samples, Loss loss, string name = "y")
    {
        int perSample = LabelsPerSample(loss);
        if (labelCount != (long)samples * perSample)
        {
            string shape = perSample == 1 ? "(N,)" : ModelDefinition.FormatShape(RowsPerSample == 1 ? [perSample] : Definition.OutputShape, "N");
            string hint = perSample == 1 && OutputColumns > 1
                ? $" (one class id per sample for {loss.Name})"
                : loss.LabelsPerRow(OutputColumns) > 1 && labelCount == samples
                    ? $"; for one class id per sample use SparseCategoricalCrossentropy instead of {loss.Name}"
                    : string.Empty;
            throw new ArgumentException($"Model '{Name}' expected {name} of shape {shape}{hint}: {(long)samples * perSample} values for the {samples} samples of x; got {labelCount}.", name);
        }
    }
}

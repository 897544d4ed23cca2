using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace StaticKeras;

public abstract partial class Model
{
    /// <summary>
    /// Keras's <c>summary()</c>: the layer table (rendered at compile time), then the parameter
    /// totals and, once compiled, the optimizer's state.
    /// </summary>
    /// <param name="writer">Where to print; the console when null.</param>
    public void Summary(TextWriter? writer = null) => (writer ?? Console.Out).Write(SummaryText());

    /// <summary>The text <see cref="Summary"/> prints.</summary>
    public string SummaryText()
    {
        var sb = new StringBuilder();
        sb.Append("Model: \"").Append(Name).Append("\"\n");
        sb.Append(Definition.SummaryTable);
        if (!Definition.SummaryTable.EndsWith('\n'))
        {
            sb.Append('\n');
        }

        int trainable = Definition.TrainableParameterCount, frozen = Definition.NonTrainableParameterCount;
        long optimizerCount = 0, optimizerBytes = 0;
        if (Optimizer is { } optimizer)
        {
            // Keras counts the optimizer's variables: its slots, plus iterations (int64) and the learning rate (float32).
            optimizerCount = ((long)optimizer.SlotsPerParameter * trainable) + 2;
            optimizerBytes = ((long)optimizer.SlotsPerParameter * trainable * 4) + 8 + 4;
        }

        sb.Append(TotalLine("Total params", trainable + frozen + optimizerCount, ((long)(trainable + frozen) * 4) + optimizerBytes));
        sb.Append(TotalLine("Trainable params", trainable, (long)trainable * 4));
        sb.Append(TotalLine("Non-trainable params", frozen, (long)frozen * 4));
        if (Optimizer is not null)
        {
            sb.Append(TotalLine("Optimizer params", optimizerCount, optimizerBytes));
        }

        return sb.ToString();
    }

    private static string TotalLine(string label, long count, long bytes) =>
        " " + label + ": " + count.ToString("N0", CultureInfo.InvariantCulture) + " (" + ReadableSize(bytes) + ")\n";

    /// <summary>Keras's <c>readable_memory_size</c>: 1024-based units with two decimals.</summary>
    internal static string ReadableSize(double bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB", "PB"];
        foreach (string unit in units)
        {
            if (bytes / 1024 < 1)
            {
                return bytes.ToString("0.00", CultureInfo.InvariantCulture) + " " + unit;
            }

            bytes /= 1024;
        }

        return bytes.ToString("0.00", CultureInfo.InvariantCulture) + " PB";
    }
}

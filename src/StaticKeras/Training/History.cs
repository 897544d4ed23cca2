using System.Collections.Generic;

namespace StaticKeras;

/// <summary>
/// What <c>Fit</c> returns, as Keras's <c>History</c>: every logged value per epoch
/// (<c>history["loss"][e]</c>, <c>history["val_accuracy"][e]</c>).
/// </summary>
public sealed class History
{
    private readonly Dictionary<string, List<double>> values = new();
    private readonly List<int> epochs = new();

    /// <summary>The epochs run (0-based, as Keras's <c>history.epoch</c>).</summary>
    public IReadOnlyList<int> Epoch => epochs;

    /// <summary>Every logged key (<c>accuracy</c>, <c>loss</c>, <c>val_loss</c>, ...).</summary>
    public IEnumerable<string> Keys => values.Keys;

    /// <summary>The value of <paramref name="key"/> after each epoch.</summary>
    /// <exception cref="KeyNotFoundException">Nothing was logged under that key.</exception>
    public IReadOnlyList<double> this[string key] =>
        values.TryGetValue(key, out List<double>? list)
            ? list
            : throw new KeyNotFoundException($"History has no '{key}'; it logged {string.Join(", ", values.Keys)}.");

    /// <summary>Keras's <c>history.history</c>: every key with its values per epoch.</summary>
    public IReadOnlyDictionary<string, List<double>> Values => values;

    /// <summary>
    /// The training curves as SVG: a panel per metric, training solid and validation dashed, by
    /// epoch (what Keras users draw from <c>history.history</c> with matplotlib).
    /// </summary>
    /// <param name="title">A heading over the panels (the model's name, say), or null.</param>
    public string ToSvg(string? title = null) => Plotting.HistoryPlot.ToSvg(this, title);

    /// <summary>Writes <see cref="ToSvg"/> to a file, whole or not at all.</summary>
    /// <param name="path">The file, usually <c>*.svg</c>.</param>
    /// <param name="title">A heading over the panels, or null.</param>
    public void WriteSvg(string path, string? title = null) => Plotting.HistoryPlot.Write(this, path, title);

    internal void Record(int epoch, IReadOnlyDictionary<string, double> logs)
    {
        epochs.Add(epoch);
        foreach (KeyValuePair<string, double> entry in logs)
        {
            if (!values.TryGetValue(entry.Key, out List<double>? list))
            {
                list = new List<double>();
                values.Add(entry.Key, list);
            }

            list.Add(entry.Value);
        }
    }
}

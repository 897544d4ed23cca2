using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace StaticKeras;

/// <summary>
/// The logs Fit and Evaluate hand to callbacks (Keras's <c>logs</c> dict): names and values in the
/// order they were added (the progress line's order: training values by name, then <c>val_*</c>,
/// then what callbacks add). Setting a value that exists allocates nothing, so batch logs are
/// reused from step to step.
/// </summary>
public sealed class TrainingLogs : IReadOnlyDictionary<string, double>
{
    private readonly List<KeyValuePair<string, double>> entries = new();
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public int Count => entries.Count;

    /// <inheritdoc/>
    public IEnumerable<string> Keys
    {
        get
        {
            foreach (KeyValuePair<string, double> entry in entries)
            {
                yield return entry.Key;
            }
        }
    }

    /// <inheritdoc/>
    public IEnumerable<double> Values
    {
        get
        {
            foreach (KeyValuePair<string, double> entry in entries)
            {
                yield return entry.Value;
            }
        }
    }

    /// <summary>The entries in order, for allocation-free reading.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Entries => entries;

    /// <inheritdoc/>
    public double this[string key] => index.TryGetValue(key, out int i) ? entries[i].Value : throw new KeyNotFoundException($"The logs have no '{key}'; they hold {string.Join(", ", Keys)}.");

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>, adding it at the end when new (Keras callbacks add <c>learning_rate</c> this way).</summary>
    /// <param name="key">The name.</param>
    /// <param name="value">The value.</param>
    public void Set(string key, double value)
    {
        if (index.TryGetValue(key, out int i))
        {
            entries[i] = new KeyValuePair<string, double>(key, value);
            return;
        }

        index.Add(key, entries.Count);
        entries.Add(new KeyValuePair<string, double>(key, value));
    }

    /// <summary>Removes every entry.</summary>
    public void Clear()
    {
        entries.Clear();
        index.Clear();
    }

    /// <inheritdoc/>
    public bool ContainsKey(string key) => index.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double value)
    {
        bool found = index.TryGetValue(key, out int i);
        value = found ? entries[i].Value : 0;
        return found;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, double>> GetEnumerator() => entries.GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

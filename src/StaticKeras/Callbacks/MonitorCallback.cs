using System;
using System.Collections.Generic;

namespace StaticKeras;

/// <summary>
/// Keras's <c>MonitorCallback</c> (<c>keras/src/callbacks/monitor_callback.py</c>): a callback that
/// watches one logged value. In <c>"auto"</c> mode the direction comes from the name: <c>loss</c>
/// and <c>val_loss</c> are minimised; a compiled metric's <see cref="Metric.HigherIsBetter"/> decides
/// otherwise, as Keras reads a metric's <c>_direction</c>.
/// </summary>
public abstract class MonitorCallback : Callback
{
    private bool? maximize;

    /// <summary>Sets what to watch.</summary>
    /// <param name="monitor">The logged name.</param>
    /// <param name="mode"><c>"min"</c>, <c>"max"</c> or <c>"auto"</c>.</param>
    /// <param name="minDelta">The smallest change that counts as an improvement.</param>
    private protected MonitorCallback(string monitor, string mode, double minDelta)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        if (mode is not ("auto" or "min" or "max"))
        {
            throw new ArgumentException($"{GetType().Name}'s mode must be \"auto\", \"min\" or \"max\"; got \"{mode}\".", nameof(mode));
        }

        Monitor = monitor;
        Mode = mode;
        MinDelta = Math.Abs(minDelta);
    }

    /// <summary>The logged value watched.</summary>
    public string Monitor { get; }

    /// <summary><c>"min"</c>, <c>"max"</c> or <c>"auto"</c>.</summary>
    public string Mode { get; }

    /// <summary>The smallest change that counts as an improvement.</summary>
    public double MinDelta { get; }

    /// <summary>The best value seen; null before the first.</summary>
    public double? Best { get; protected set; }

    /// <summary>Whether larger values are better (resolved from <see cref="Mode"/> at the first check).</summary>
    /// <exception cref="InvalidOperationException">In auto mode the direction of the monitored name is unknown.</exception>
    protected bool Maximize => maximize ??= Direction();

    /// <summary>Keras's <c>_is_improvement</c>: better than <paramref name="reference"/> by more than <see cref="MinDelta"/>; always true against null.</summary>
    /// <param name="value">The new value.</param>
    /// <param name="reference">The value to beat.</param>
    protected bool IsImprovement(double value, double? reference)
    {
        // The direction is resolved at the first check, as Keras's _set_monitor_op, so an unknown name fails at once.
        bool maximizing = Maximize;
        return reference is not { } r || (maximizing ? value - MinDelta > r : value + MinDelta < r);
    }

    /// <summary>The monitored value from <paramref name="logs"/>, or null (with a warning on <see cref="Callback.Output"/>, as Keras warns) when missing.</summary>
    /// <param name="logs">The epoch's logs.</param>
    protected double? MonitorValue(IReadOnlyDictionary<string, double> logs)
    {
        if (logs.TryGetValue(Monitor, out double value))
        {
            return value;
        }

        Output.WriteLine($"{GetType().Name} is conditioned on metric `{Monitor}` which is not available. Available metrics are: {string.Join(",", logs.Keys)}.");
        return null;
    }

    private bool Direction()
    {
        if (Mode != "auto")
        {
            return Mode == "max";
        }

        string name = Monitor.StartsWith("val_", StringComparison.Ordinal) ? Monitor[4..] : Monitor;
        if (name == "loss")
        {
            return false;
        }

        foreach (Metric metric in Model?.CompiledMetrics ?? [])
        {
            if (metric.Name == name && metric.HigherIsBetter is { } higher)
            {
                return higher;
            }
        }

        throw new InvalidOperationException($"{GetType().Name} received monitor=\"{Monitor}\", but cannot tell whether that metric should be maximized or minimized. Pass mode: \"max\" to keep the highest value, or mode: \"min\" to keep the lowest.");
    }
}

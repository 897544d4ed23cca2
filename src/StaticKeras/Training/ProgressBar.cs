using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;

namespace StaticKeras.Training;

/// <summary>
/// Keras's progress bar (<c>keras.utils.Progbar</c>):
/// <c>157/157 ━━━━━━━━━━━━━━━━━━━━ 2s 12ms/step - accuracy: 0.9012 - loss: 0.3301</c>.
/// With verbose 1 on a terminal the line is redrawn in place (at most every 0.05 s); when output is
/// redirected, one line is written when the epoch ends. Verbose 2 writes Keras's one-line form.
/// </summary>
internal sealed class ProgressBar
{
    private const int Width = 20;
    private const double Interval = 0.05;
    private readonly TextWriter writer;
    private readonly int target;
    private readonly int verbose;
    private readonly bool dynamic;
    private readonly long start = Stopwatch.GetTimestamp();
    private readonly StringBuilder line = new(256);
    private long timeAfterFirstStep;
    private double lastUpdate = double.NegativeInfinity;
    private int previousWidth;

    public ProgressBar(TextWriter writer, int target, int verbose, bool dynamic)
    {
        this.writer = writer;
        this.target = target;
        this.verbose = verbose;
        this.dynamic = dynamic;
    }

    /// <summary>Whether Console output is an interactive terminal (redrawn in place).</summary>
    public static bool ConsoleIsInteractive => !Console.IsOutputRedirected;

    /// <summary>Reports progress after <paramref name="current"/> steps, with the running values to show.</summary>
    public void Update(int current, IReadOnlyList<KeyValuePair<string, double>> values, bool finalize = false)
    {
        long now = Stopwatch.GetTimestamp();
        double elapsed = Stopwatch.GetElapsedTime(start, now).TotalSeconds;
        double perStep = StepDuration(current, now);
        if (verbose == 2 || (verbose == 1 && !dynamic))
        {
            if (finalize)
            {
                WriteFinal(current, elapsed, perStep, values);
            }

            return;
        }

        if (verbose != 1 || (elapsed - lastUpdate < Interval && !finalize))
        {
            return;
        }

        lastUpdate = elapsed;
        line.Clear();
        line.Append('\r');
        int visible = AppendBar(current, ansi: true);
        string time = finalize ? Seconds(elapsed) : Eta(perStep * (target - current));
        string rest = " " + PerStep(perStep) + Metrics(values);
        line.Append(" \x1b[1m").Append(time).Append("\x1b[0m").Append(rest);
        int width = visible + 1 + time.Length + rest.Length;
        if (previousWidth > width)
        {
            line.Append(' ', previousWidth - width);
        }

        previousWidth = width;
        if (finalize)
        {
            line.Append('\n');
        }

        writer.Write(line);
        writer.Flush();
    }

    /// <summary>The epoch header, <c>Epoch 3/10</c> (Keras prints it only when there is more than one epoch).</summary>
    public static void WriteEpochHeader(TextWriter writer, int epoch, int epochs)
    {
        if (epochs > 1)
        {
            writer.WriteLine($"Epoch {epoch}/{epochs}");
        }
    }

    private void WriteFinal(int current, double elapsed, double perStep, IReadOnlyList<KeyValuePair<string, double>> values)
    {
        line.Clear();
        if (verbose == 2)
        {
            line.Append(Count(current)).Append(" - ").Append(Seconds(elapsed)).Append(" - ").Append(PerStep(perStep));
        }
        else
        {
            AppendBar(current, ansi: false);
            line.Append(' ').Append(Seconds(elapsed)).Append(' ').Append(PerStep(perStep));
        }

        line.Append(Metrics(values));
        writer.WriteLine(line);
        writer.Flush();
    }

    /// <summary>Appends <c>157/157 ━━━━...</c>; returns its visible width.</summary>
    private int AppendBar(int current, bool ansi)
    {
        string count = Count(current);
        int done = target == 0 ? Width : (int)(Width * ((double)current / target));
        if (ansi)
        {
            line.Append("\x1b[1m").Append(count).Append("\x1b[0m ");
            if (done > 0)
            {
                line.Append("\x1b[32m").Append('━', done).Append("\x1b[0m");
            }

            line.Append("\x1b[37m").Append('━', Width - done).Append("\x1b[0m");
        }
        else
        {
            line.Append(count).Append(' ').Append('━', Width);
        }

        return count.Length + 1 + Width;
    }

    private string Count(int current)
    {
        int digits = (int)Math.Floor(Math.Log10(Math.Max(target, 1))) + 1;
        return current.ToString(CultureInfo.InvariantCulture).PadLeft(digits) + "/" + target.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Seconds per step, leaving the first step (warm-up) out once there is a second.</summary>
    private double StepDuration(int current, long now)
    {
        if (current == 0)
        {
            return 0;
        }

        double perStep = timeAfterFirstStep != 0 && current > 1
            ? Stopwatch.GetElapsedTime(timeAfterFirstStep, now).TotalSeconds / (current - 1)
            : Stopwatch.GetElapsedTime(start, now).TotalSeconds / current;
        if (current == 1)
        {
            timeAfterFirstStep = now;
        }

        return perStep;
    }

    private static string Seconds(double seconds) => Math.Round(seconds).ToString("0", CultureInfo.InvariantCulture) + "s";

    private static string Eta(double eta) =>
        eta > 3600 ? $"{(int)(eta / 3600)}:{(int)(eta % 3600 / 60):00}:{(int)(eta % 60):00}"
        : eta > 60 ? $"{(int)(eta / 60)}:{(int)(eta % 60):00}"
        : $"{(int)eta}s";

    /// <summary>Keras's <c>_format_time</c>: <c>12ms/step</c>, <c>850us/step</c>, <c>2s/step</c>.</summary>
    private static string PerStep(double seconds) =>
        seconds >= 1 || seconds == 0 ? Math.Round(seconds).ToString("0", CultureInfo.InvariantCulture) + "s/step"
        : seconds >= 1e-3 ? Math.Round(seconds * 1e3).ToString("0", CultureInfo.InvariantCulture) + "ms/step"
        : Math.Round(seconds * 1e6).ToString("0", CultureInfo.InvariantCulture) + "us/step";

    private static string Metrics(IReadOnlyList<KeyValuePair<string, double>> values)
    {
        var sb = new StringBuilder();
        foreach (KeyValuePair<string, double> v in values)
        {
            sb.Append(" - ").Append(v.Key).Append(": ").Append(FormatValue(v.Value));
        }

        return sb.ToString();
    }

    /// <summary>Keras prints <c>{:.4f}</c>, or <c>{:.4e}</c> when |v| ≤ 1e-3.</summary>
    internal static string FormatValue(double value) =>
        Math.Abs(value) > 1e-3 ? value.ToString("0.0000", CultureInfo.InvariantCulture) : FormatExponent(value);

    // Python's "{:.4e}": 1.2346e-05, with at least two exponent digits.
    private static string FormatExponent(double value) => value.ToString("0.0000e+00", CultureInfo.InvariantCulture);
}
